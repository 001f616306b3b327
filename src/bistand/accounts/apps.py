from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "bistand.accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from bistand.accounts.sessions import session_ends_at_login
        from bistand.accounts.unsent import unsent_form_at_login

        user_logged_in.connect(session_ends_at_login, dispatch_uid="bistand_session_ends")
        user_logged_in.connect(unsent_form_at_login, dispatch_uid="bistand_unsent_form")
