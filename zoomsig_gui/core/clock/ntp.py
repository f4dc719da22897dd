"""One SNTP query (RFC 4330) over a UDP socket, with the checks ntplib leaves out.

ntplib packs and parses the packets. Its ``NTPClient.request`` is not used because it
accepts a reply from any port of the server's address, never compares the reply's origin
timestamp with the request (so a stale or forged reply would be believed) and ignores
Kiss-o'-Death replies. Here a reply counts only when it comes from the address and port
asked, echoes our transmit timestamp, is a server reply and carries a synchronised time.
"""

from __future__ import annotations

import ipaddress
import select
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import ntplib

NTP_PORT = 123
_PACKET_LEN = 48
_REPLY_MODES = (4, 5)  # server, broadcast (RFC 4330 §5: a client accepts 4)

# A socket address: (host, port), or (host, port, flow info, scope id) for IPv6.
SockAddr = tuple[Any, ...]
# What a resolver returns: (family, sockaddr) pairs, like socket.getaddrinfo reduced.
Resolver = Callable[[str, int], list[tuple[int, SockAddr]]]


class NtpFault(Exception):
    """A server that gave no usable time; the message is plain English.

    ``kind`` sums up why, for a one-line verdict: "offline" (the name or network cannot be
    reached), "silent" (no answer in time) or "bad" (an answer that cannot be used).
    """

    def __init__(self, message: str, kind: str = "bad") -> None:
        super().__init__(message)
        self.kind = kind


class ServerAddressError(ValueError):
    """A server as the user wrote it cannot be used (bad port, empty host)."""


@dataclass(frozen=True)
class ServerSpec:
    host: str
    port: int = NTP_PORT

    def __str__(self) -> str:
        if self.port == NTP_PORT:
            return self.host
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"


@dataclass(frozen=True)
class NtpAnswer:
    """A good reply: offset is true − local, both in seconds."""

    offset_s: float
    delay_s: float
    stratum: int
    address: str


def parse_server(text: str) -> ServerSpec:
    """'host', 'host:port', '[v6]:port' or a bare IPv6 address → ServerSpec."""
    raw = text.strip()
    if not raw:
        raise ServerAddressError("A time server name is empty.")
    host, port_text = raw, None
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0:
            raise ServerAddressError(f"“{text}”: a “[” without “]” around an IPv6 address.")
        host, rest = raw[1:end], raw[end + 1 :]
        if rest and not rest.startswith(":"):
            raise ServerAddressError(f"“{text}” is not HOST[:PORT].")
        port_text = rest[1:] if rest else None
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
    elif raw.count(":") > 1 and not _is_ip(raw):
        raise ServerAddressError(f"“{text}” is not HOST[:PORT].")
    if not host or any(c.isspace() for c in host):
        raise ServerAddressError(f"“{text}” has no usable host name.")
    if port_text is None:
        return ServerSpec(host)
    if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
        raise ServerAddressError(f"“{text}”: the port must be a number from 1 to 65535.")
    return ServerSpec(host, int(port_text))


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def system_resolver(host: str, port: int) -> list[tuple[int, SockAddr]]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)
    return [(family, sockaddr) for family, _, _, _, sockaddr in infos]


def resolve(spec: ServerSpec, resolver: Resolver = system_resolver) -> tuple[int, SockAddr]:
    try:
        found = resolver(spec.host, spec.port)
    except (OSError, UnicodeError) as exc:
        raise NtpFault(f"the name {spec.host} could not be found (DNS: {exc})", "offline") from exc
    if not found:
        raise NtpFault(f"the name {spec.host} has no address", "offline")
    return found[0]


def query(spec: ServerSpec, deadline: float, resolver: Resolver = system_resolver) -> NtpAnswer:
    """Ask one server; gives up at ``deadline`` (time.monotonic()) once the name is resolved."""
    family, sockaddr = resolve(spec, resolver)
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        # ntplib has no type hints; pyright guesses int for tx_timestamp from its default 0.
        request = ntplib.NTPPacket(
            version=4,
            mode=3,
            tx_timestamp=ntplib.system_to_ntp_time(time.time()),  # pyright: ignore[reportArgumentType]
        )
        data = request.to_data()
        t1 = time.time()
        try:
            sock.sendto(data, sockaddr)
        except OSError as exc:
            raise NtpFault(
                f"the request could not be sent ({exc.strerror or exc})", "offline"
            ) from exc
        return _await_reply(sock, sockaddr, data[40:48], t1, deadline)


def _await_reply(
    sock: socket.socket, sockaddr: SockAddr, sent_tx: bytes, t1: float, deadline: float
) -> NtpAnswer:
    """Wait for the one reply that matches; anything else is remembered and skipped."""
    rejected: str | None = None
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([sock], [], [], left)[0]:
            raise NtpFault(
                rejected or "no answer (UDP port 123 may be blocked)",
                "bad" if rejected else "silent",
            )
        try:
            reply, source = sock.recvfrom(1024)
        except OSError as exc:  # e.g. ICMP port unreachable on Linux
            raise NtpFault(f"no time server there ({exc.strerror or exc})") from exc
        t4 = time.time()
        if not _same_address(source, sockaddr):
            rejected = f"a reply came from {source[0]}:{source[1]}, not from the server asked"
            continue
        if len(reply) < _PACKET_LEN:
            rejected = f"a reply of {len(reply)} bytes is not an NTP packet"
            continue
        if reply[24:32] != sent_tx:
            rejected = "a reply did not match our request (wrong origin timestamp)"
            continue
        return _answer(reply, t1, t4, source[0])


_ERA_S = 2**32  # NTP's 32-bit seconds wrap every 136 years (the next time in 2036)


def unix_time(ntp_seconds: float, near: float) -> float:
    """An NTP timestamp as Unix time, in the era closest to ``near`` (RFC 5905): after 2036
    a small value means the next era, not 1900. A time further than 68 years from ``near``
    cannot be told apart from one in another era; the clock check's sanity rule handles it."""
    unix = float(ntplib.ntp_to_system_time(ntp_seconds))
    return unix + round((near - unix) / _ERA_S) * _ERA_S


def _same_address(source: SockAddr, sockaddr: SockAddr) -> bool:
    try:
        ip_ok = ipaddress.ip_address(source[0]) == ipaddress.ip_address(sockaddr[0])
    except ValueError:
        ip_ok = source[0] == sockaddr[0]
    return ip_ok and source[1] == sockaddr[1]


def _answer(reply: bytes, t1: float, t4: float, address: str) -> NtpAnswer:
    packet = ntplib.NTPPacket()
    try:
        packet.from_data(reply)
    except ntplib.NTPException as exc:
        raise NtpFault("the reply is not an NTP packet") from exc
    if packet.mode not in _REPLY_MODES:
        raise NtpFault(f"the reply is not from a time server (NTP mode {packet.mode})")
    if packet.stratum == 0:
        code = reply[12:16].decode("ascii", "replace").strip("\x00 ")
        raise NtpFault(f"the server refused to answer (Kiss-o'-Death “{code}”)")
    if packet.leap == 3 or packet.stratum > 15:
        raise NtpFault("the server's own clock is not synchronised")
    if packet.tx_timestamp == 0:
        raise NtpFault("the reply carries no time")
    t2 = unix_time(packet.recv_timestamp, t1)
    t3 = unix_time(packet.tx_timestamp, t1)
    offset = ((t2 - t1) + (t3 - t4)) / 2
    delay = max(0.0, (t4 - t1) - (t3 - t2))
    return NtpAnswer(offset, delay, packet.stratum, address)
