"""allauth's phone verification stage, for a portal where staff have no phone.

allauth's stage stops a login whose user has no phone when the sign-up form
requires one. Applicants always have one (the sign-up form requires it); staff
accounts, created by administrators, sign in with a user name and are held to
a second factor instead (`accounts.mfa`). So a user without a phone passes.
"""

from allauth.account.adapter import get_adapter
from allauth.account.stages import PhoneVerificationStage as AllauthPhoneVerificationStage


class PhoneVerificationStage(AllauthPhoneVerificationStage):
    def handle(self):
        if self.login.user and get_adapter().get_phone(self.login.user) is None:
            return None, True
        return super().handle()
