from django.urls import path

from bistand.labour import views

app_name = "labour"
urlpatterns = [
    path("cases/<uuid:case_id>/labour/", views.case_labour, name="case"),
    path("labour/", views.queue, name="queue"),
    path("labour/referrals/<uuid:referral_id>/", views.referral_detail, name="referral"),
    path("labour/follow-up/", views.follow_up, name="follow-up"),
    path("labour/special-support/", views.special_support, name="special-support"),
    path(
        "labour/special-support/<uuid:application_id>/",
        views.special_support_detail,
        name="special-support-detail",
    ),
    path("my-plan/", views.my_plan, name="my-plan"),
]
