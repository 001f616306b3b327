from django.urls import path

from bistand.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("<uuid:case_id>/", views.case_detail, name="detail"),
    path("<uuid:case_id>/export.csv", views.case_export, name="export"),
]
