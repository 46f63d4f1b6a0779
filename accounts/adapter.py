"""allauth's adapter: where allauth asks the project for phone numbers and texts.

allauth keeps no phone numbers; it calls these methods and we store them in
`accounts.models.Phone` through `accounts.services`. Texts go through the one
door, `accounts.sms.send_sms`, in the language of the page the person is on.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from accounts import services
from accounts.forms import PhoneField
from accounts.models import Phone
from accounts.phones import normalise_phone
from accounts.sms import send_sms
from partners.addresses import client_address


class AccountAdapter(DefaultAccountAdapter):
    def phone_form_field(self, **kwargs):
        kwargs.pop("label", None)  # ours says "mobile"
        return PhoneField(**kwargs)

    def get_client_ip(self, request):
        # The project's one rule for the client's address behind our proxies.
        return client_address(request)

    def get_login_stages(self):
        # Staff accounts have no phone: our stage lets them through (accounts/stages.py).
        return [
            "accounts.stages.PhoneVerificationStage"
            if path == "allauth.account.stages.PhoneVerificationStage"
            else path
            for path in super().get_login_stages()
        ]

    def send_verification_code_sms(self, user, phone, code, **kwargs):
        send_sms(
            phone,
            _("Safe work abroad: your code is %(code)s. Do not tell it to anyone, not even us.")
            % {"code": code},
        )

    def send_unknown_account_sms(self, phone, **kwargs):
        send_sms(
            phone,
            _(
                "Safe work abroad: someone asked for a sign-in code for this number, but "
                "no account uses it. If it was you, sign up first."
            ),
        )

    def send_account_already_exists_sms(self, phone):
        send_sms(
            phone,
            _(
                "Safe work abroad: someone tried to sign up with this number, but you "
                "already have an account. Sign in; if you forgot the password, sign in with a code."
            ),
        )

    def get_phone(self, user):
        phone = Phone.objects.filter(user_id=user.pk).first()
        return (phone.number, phone.verified) if phone else None

    def set_phone(self, user, phone, verified):
        services.set_phone(user, phone, verified=verified)

    def set_phone_verified(self, user, phone):
        services.mark_phone_verified(user, phone)

    def get_user_by_phone(self, phone):
        number = normalise_phone(phone)
        if number is None:
            return None
        return (
            get_user_model()
            .objects.filter(phone__number=number, is_active=True)
            .order_by("pk")
            .first()
        )
