from django.urls import path

from bistand.recoveries import views

app_name = "recoveries"
urlpatterns = [path("cases/<uuid:case_id>/receivables/", views.case_receivables, name="case")]
