from django.urls import path

from bistand.accounts import views

app_name = "accounts"
urlpatterns = [
    path("staff/login/", views.StaffLoginView.as_view(), name="staff-login"),
    path("login/", views.applicant_login, name="applicant-login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("session/", views.session_status, name="session-status"),
    path("session/extend/", views.session_extend, name="session-extend"),
]
