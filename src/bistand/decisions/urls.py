from django.urls import path

from bistand.decisions import flag_views, views

app_name = "decisions"
urlpatterns = [
    path("applications/<uuid:application_id>/decide/", views.application_decide, name="decide"),
    path("decisions/<uuid:decision_id>/", views.decision_detail, name="detail"),
    path("decisions/<uuid:decision_id>/letter.pdf", views.decision_letter, name="letter"),
    path("decisions/<uuid:decision_id>/sign/", views.decision_second_signature, name="sign"),
    path("cases/<uuid:case_id>/flags/", flag_views.case_flags, name="flags"),
]
