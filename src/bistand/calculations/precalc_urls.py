from django.urls import path

from bistand.calculations import precalc_views as views

app_name = "precalc"
urlpatterns = [
    path("", views.precalc_household, name="household"),
    path("costs/", views.precalc_costs, name="costs"),
    path("incomes/", views.precalc_incomes, name="incomes"),
    path("result/", views.precalc_result, name="result"),
]
