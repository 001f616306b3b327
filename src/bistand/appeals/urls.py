from django.urls import path

from bistand.appeals import views

app_name = "appeals"
urlpatterns = [
    path("my/decisions/<uuid:decision_id>/appeal/", views.decision_appeal, name="appeal"),
    path("decisions/<uuid:decision_id>/appeals/", views.decision_appeals, name="handle"),
]
