from django.urls import path

from bistand.payments import views

app_name = "payments"
urlpatterns = [
    path("payments/", views.payments_index, name="index"),
    path("payments/runs/<uuid:run_id>/", views.payment_run_detail, name="run"),
    path("payments/runs/<uuid:run_id>/file/<slug:kind>/", views.payment_run_file, name="file"),
]
