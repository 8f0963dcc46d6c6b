"""``{% mailstyle "name" %}``: the inline style of an element in the credential e-mail.

E-mail programs ignore stylesheets, so the e-mail's HTML carries its styles inline; they
live here by name, which keeps the template readable and out of the pages' CSP rules.
"""

from __future__ import annotations

from typing import Final

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()

FONT: Final = "font-family:Helvetica,Arial,sans-serif;"
STYLES: Final = {
    "body": "margin:0;padding:0;background:#f4f6f9;",
    "preheader": "display:none;max-height:0;overflow:hidden;mso-hide:all;",
    "canvas": "background:#f4f6f9;padding:24px 12px;",
    "card": "max-width:600px;width:100%;background:#ffffff;border:1px solid #d5dae3;"
    "border-radius:8px;border-collapse:separate;",
    "issuer": FONT + "padding:20px 28px 0;color:#535d70;font-size:14px;font-weight:bold;",
    "badge": "padding:20px 28px 4px;text-align:center;",
    "image": "display:block;margin:0 auto;width:160px;height:160px;border:0;",
    "content": FONT + "padding:8px 28px 24px;color:#1b2333;font-size:16px;line-height:1.5;",
    "title": FONT + "margin:0 0 16px;font-size:24px;line-height:1.25;color:#1b2333;"
    "text-align:center;",
    "text": "margin:0 0 16px;",
    "description": "margin:0 0 20px;padding:12px 16px;background:#f4f6f9;border-radius:6px;"
    "color:#1b2333;",
    "button_cell": "padding:4px 0 20px;text-align:center;",
    "button": FONT + "display:inline-block;padding:14px 28px;background:#0b5cad;color:#ffffff;"
    "font-size:17px;font-weight:bold;text-decoration:none;border-radius:8px;",
    "small": "margin:0 0 16px;color:#535d70;font-size:14px;",
    "link": "color:#0b5cad;word-break:break-all;",
    "footer": FONT + "padding:16px 28px 24px;border-top:1px solid #d5dae3;color:#535d70;"
    "font-size:13px;line-height:1.5;",
}


@register.simple_tag
def mailstyle(name: str) -> SafeString:
    return format_html('style="{}"', STYLES[name])
