"""Announces a Home Assistant on the network exactly as Home Assistant does.

The record is the one homeassistant/components/zeroconf/__init__.py builds
(_async_get_local_service_info, the same in 2024.1 and 2026.2): the service type, the instance
name "<location_name>._home-assistant._tcp.local.", the server "<uuid>.local.", and the TXT keys
location_name, uuid, version, external_url, internal_url, base_url and requires_api_password.

Usage: python ha_responder.py '<json>' with location_name, uuid, version, internal_url,
external_url, addresses and port. Prints "ready" once registered and stays until stdin closes.
"""

import json
import sys

from zeroconf import IPVersion, ServiceInfo, Zeroconf

ZEROCONF_TYPE = "_home-assistant._tcp.local."


def main() -> None:
    spec = json.loads(sys.argv[1])
    params = {
        "location_name": spec["location_name"],
        "uuid": spec["uuid"],
        "version": spec["version"],
        "external_url": spec["external_url"],
        "internal_url": spec["internal_url"],
        # As Home Assistant sets it: the external URL, else the internal one.
        "base_url": spec["external_url"] or spec["internal_url"],
        "requires_api_password": True,
    }
    info = ServiceInfo(
        ZEROCONF_TYPE,
        name=f"{spec['location_name']}.{ZEROCONF_TYPE}",
        server=f"{spec['uuid']}.local.",
        parsed_addresses=spec["addresses"],
        port=spec["port"],
        properties=params,
    )
    # Home Assistant skips loopback; inside the test's network namespace loopback is all there is.
    zc = Zeroconf(interfaces=["127.0.0.1"], ip_version=IPVersion.V4Only)
    zc.register_service(info, allow_name_change=True)
    print("ready", flush=True)
    sys.stdin.read()
    zc.unregister_service(info)
    zc.close()


if __name__ == "__main__":
    main()
