"""Does a join page address answer, and is it zoomsig's page (`zoomsig publish --check`)?

Asks the page, its errors.json and its config.json (what the page itself loads) and looks at
the headers gallery view needs. Problems mean links to this address will not work; notes
mean they work with less (no gallery view, an unencrypted signature).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from zoomsig_gui.core.join.link import check_base, is_unencrypted_remote

TIMEOUT_S = 10.0
# What only zoomsig's page has (index.html): the status element the page reports into.
PAGE_MARK = 'id="zoomsig-status"'
# The headers that make the page cross-origin isolated, with the values that do it.
ISOLATION = {
    "Cross-Origin-Opener-Policy": ("same-origin",),
    "Cross-Origin-Embedder-Policy": ("require-corp", "credentialless"),
}


@dataclass(frozen=True)
class PageCheck:
    url: str
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    sdk_version: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.problems:
            head = f"Links to {self.url} will not work: " + " ".join(self.problems)
        else:
            version = f" (Meeting SDK {self.sdk_version})" if self.sdk_version else ""
            head = f"{self.url} answers with zoomsig's join page{version}."
        return " ".join((head, *self.notes))


@dataclass
class _Found:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _get(client: httpx.Client, url: str) -> httpx.Response | str:
    try:
        return client.get(url)
    except httpx.TimeoutException:
        return f"{url} did not answer within {TIMEOUT_S:.0f} s."
    except httpx.HTTPError as exc:
        return f"{url} could not be reached ({type(exc).__name__}: {exc})."


def _json_of(client: httpx.Client, url: str, found: _Found) -> dict[str, object] | None:
    answer = _get(client, url)
    if isinstance(answer, str):
        found.problems.append(answer)
        return None
    try:
        data = answer.json() if answer.status_code == 200 else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        found.problems.append(
            f"{url} is missing or not JSON (HTTP {answer.status_code}): upload the whole "
            "folder `zoomsig publish` wrote."
        )
        return None
    return data


def check_page(base: str, client: httpx.Client | None = None) -> PageCheck:
    """Check the join page at ``base`` (raises JoinLinkError for an address that is not one)."""
    url = check_base(base)
    found = _Found()
    own = client is None
    client = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=True)
    try:
        page = _get(client, url)
        if isinstance(page, str):
            return PageCheck(url, (page,))
        if page.status_code != 200:
            return PageCheck(url, (f"The address answered HTTP {page.status_code}, not the page.",))
        if PAGE_MARK not in page.text:
            return PageCheck(
                url,
                (
                    "The address answers, but not with zoomsig's join page: give the address "
                    "of the folder `zoomsig publish` wrote (where its index.html is).",
                ),
            )
        missing = [
            name
            for name, values in ISOLATION.items()
            if page.headers.get(name, "").strip().lower() not in values
        ]
        if missing:
            found.notes.append(
                "The page is served without "
                + " and ".join(missing)
                + ": it joins, but without gallery view. The host did not apply the folder's "
                "header files (see its HOSTING.md)."
            )
        errors = _json_of(client, urljoin(str(page.url), "errors.json"), found)
        if errors is not None and "3712" not in errors:
            found.problems.append("errors.json is not zoomsig's error table.")
        config = _json_of(client, urljoin(str(page.url), "config.json"), found)
        version = config.get("sdkVersion") if config else None
    finally:
        if own:
            client.close()
    if is_unencrypted_remote(url):
        found.notes.append(
            "The address is plain http on another computer: the link's signature would "
            "travel unencrypted. Use https."
        )
    return PageCheck(
        url,
        tuple(found.problems),
        tuple(found.notes),
        version if isinstance(version, str) else None,
    )
