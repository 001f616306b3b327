from django.urls import path

from bistand.investigations import views

app_name = "investigations"
urlpatterns = [
    path("cases/<uuid:case_id>/home-visits/", views.case_home_visits, name="home-visits"),
    path("cases/<uuid:case_id>/investigation/", views.case_investigation, name="investigation"),
]
