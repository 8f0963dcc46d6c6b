"""Is this request a machine? Link-preview crawlers are counted apart, not as people.

A LinkedIn or Slack post unfurls the credential page once per share; counting those as
views would reward posting rather than being looked at. The list covers the crawlers that
preview links and the common indexers; anything that calls itself a bot, crawler or spider
also counts as one. A request without a User-Agent is a script, not a person.
"""

from __future__ import annotations

import re
from typing import Final

BOT_PATTERN: Final = re.compile(
    r"bot\b|bot/|crawler|spider|slurp|preview|facebookexternalhit|linkedinbot|twitterbot|"
    r"slackbot|discordbot|telegrambot|whatsapp|skypeuripreview|embedly|quora link|"
    r"pinterest|redditbot|applebot|bingpreview|googlebot|yandex|baiduspider|duckduckbot|"
    r"python-requests|curl/|wget/|httpx|go-http-client|okhttp|java/|libwww",
    re.IGNORECASE,
)


def is_bot(user_agent: str | None) -> bool:
    if not user_agent or not user_agent.strip():
        return True
    return BOT_PATTERN.search(user_agent) is not None
