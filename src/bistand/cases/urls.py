from django.urls import path

from bistand.cases import queue_views, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("queue/", queue_views.reception_queue_view, name="queue"),
    path("<uuid:case_id>/", views.case_detail, name="detail"),
    path("<uuid:case_id>/export.csv", views.case_export, name="export"),
]
