"""Account pages under the language prefix: allauth's (``/<lang>/account/login/``,
``signup/``, ``phone/verify/``, ``2fa/`` ...), the account page and the privacy page."""

from django.urls import include, path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("account/", views.account, name="account"),
    path("account/language/", views.language, name="language"),
    path("privacy/", views.privacy, name="privacy"),
]

# allauth's URL names are global ("account_login", "mfa_index"): included outside
# the "accounts" namespace by portal/urls.py.
allauth_urlpatterns = [path("account/", include("allauth.urls"))]
