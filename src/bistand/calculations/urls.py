from django.urls import path

from bistand.calculations import views

app_name = "calculations"
urlpatterns = [path("calculations", views.calculation_create, name="create")]
