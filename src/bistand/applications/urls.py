from django.urls import path

from bistand.applications import case_views, contact_views, views

app_name = "applications"
urlpatterns = [
    path("my/", views.my_case, name="my-case"),
    path("my/contact/", contact_views.my_contact, name="contact"),
    path("my/applications/new/", views.application_start, name="start"),
    path("my/applications/<uuid:application_id>/", views.application_overview, name="overview"),
    path(
        "my/applications/<uuid:application_id>/step/<slug:step>/",
        views.application_step,
        name="step",
    ),
    path(
        "my/applications/<uuid:application_id>/documents/",
        views.application_documents,
        name="documents",
    ),
    path("my/applications/<uuid:application_id>/send/", views.application_send, name="send"),
    path(
        "my/applications/<uuid:application_id>/complete/",
        views.application_complete,
        name="complete",
    ),
    path(
        "my/applications/<uuid:application_id>/withdraw/",
        views.application_withdrawal,
        name="withdraw",
    ),
    path(
        "my/applications/<uuid:application_id>/confirm/", views.application_confirm, name="confirm"
    ),
    path("attachments/<uuid:attachment_id>/", views.attachment_download, name="attachment"),
    path("applications/<uuid:application_id>/", case_views.application_read, name="read"),
]
