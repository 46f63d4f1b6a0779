"""Alert pages: subscribe from any vacancy search, confirm an e-mail address,
unsubscribe in one click from a message, and the signed-in person's alerts.
Everything works with plain forms, without JavaScript."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from alerts import searches, selectors, services, tokens
from alerts.forms import SubscribeForm, channel_choices
from alerts.models import Subscription


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    query, _errors = searches.canonical_query(request.GET)
    context = {
        "query": query,
        "description": searches.describe(query) if query is not None else "",
        "list_url": searches.list_url(query or ""),
        "available": bool(channel_choices()),
    }
    if query is None:
        return render(request, "alerts/subscribe.html", {**context, "invalid": True}, status=400)
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        search = services.saved_search(request.GET)
        user = request.user if request.user.is_authenticated else None
        frequency = form.cleaned_data["frequency"]
        if form.cleaned_data["channel"] == "telegram":
            start = f"s{search.pk}_{frequency[0]}"
            return redirect(f"https://t.me/{settings.TELEGRAM_BOT_USERNAME}?start={start}")
        services.subscribe_email(
            search,
            form.cleaned_data["email"],
            language=get_language(),
            frequency=frequency,
            user=user,
        )
        return render(request, "alerts/check_inbox.html", context)
    return render(request, "alerts/subscribe.html", {**context, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links must not
    subscribe anyone."""
    pk = tokens.read(token, "confirm")
    subscription = get_object_or_404(Subscription, pk=pk) if pk else None
    if subscription is None:
        return render(request, "alerts/link_invalid.html", status=400)
    if request.method == "POST":
        services.confirm(subscription)
    return render(
        request,
        "alerts/confirm.html",
        {
            "subscription": subscription,
            "description": searches.describe(subscription.search.query),
            "list_url": searches.list_url(subscription.search.query),
        },
    )


@csrf_exempt  # RFC 8058 one-click: the mail client POSTs without our cookie
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    pk = tokens.read(token, "unsubscribe")
    subscription = Subscription.objects.filter(pk=pk).select_related("search").first()
    if subscription is None:
        return render(request, "alerts/link_invalid.html", status=400)
    if request.method == "POST":
        services.unsubscribe(subscription)
        subscription.refresh_from_db()
    return render(
        request,
        "alerts/unsubscribe.html",
        {"subscription": subscription, "description": searches.describe(subscription.search.query)},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def my_alerts(request):
    alerts = [
        (
            subscription,
            searches.describe(subscription.search.query),
            searches.list_url(subscription.search.query),
        )
        for subscription in selectors.subscriptions_of_user(request.user)
    ]
    return render(
        request,
        "alerts/my_alerts.html",
        {
            "alerts": alerts,
            "chats": request.user.telegram_chats.filter(blocked_at__isnull=True),
            "bot_username": settings.TELEGRAM_BOT_USERNAME,
        },
    )


@login_required
@require_POST
def cancel(request, pk):
    subscription = selectors.subscriptions_of_user(request.user).filter(pk=pk).first()
    if subscription is None:
        raise Http404
    services.unsubscribe(subscription)
    return redirect("alerts:mine")


@login_required
@require_POST
def telegram_code(request):
    """A one-time code to send to the bot (shown once, never stored in clear)."""
    code = services.new_link_code(request.user)
    return render(
        request,
        "alerts/telegram_code.html",
        {
            "code": code,
            "minutes": services.LINK_CODE_MINUTES,
            "bot_username": settings.TELEGRAM_BOT_USERNAME,
        },
    )
