from django.urls import path

from bistand.journals import views

app_name = "journals"
urlpatterns = [path("cases/<uuid:case_id>/journal/", views.case_journal, name="case")]
