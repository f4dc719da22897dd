"""Where the join server listens by default, apart from the server so that making a link
(the Make tab, `zoomsig link`) does not import http.server."""

HOST = "127.0.0.1"
# A fixed default port shared by `zoomsig serve` and `zoomsig link`, so a link made while no
# server runs still works once `zoomsig serve` is started. 53712: "3712", the error we chase.
DEFAULT_PORT = 53712
DEFAULT_SDK_VERSION = "6.2.0"
