"""The address of the client a request came from, for limits that count per address.

One function so that every limit asks the same question. For now it is the
socket's peer (``REMOTE_ADDR``): right when the portal faces the Internet
directly, and the proxy's address behind a reverse proxy, where the trusted-proxy
rule (issue 17, defect 15) replaces it.
"""


def client_ip(request):
    """The client's address as the web server saw it, or None when unknown."""
    return request.META.get("REMOTE_ADDR") or None
