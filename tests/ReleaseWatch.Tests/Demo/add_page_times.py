#!/usr/bin/env python3
"""Adds the demo recording's Lightning page times (Real-Time Event Monitoring, /event/LightningUriEventStream).

30 page loads a minute over the whole recording, lognormal around 1.0 s (sigma 0.35, seeded), 80% slower from the
recorded deployment (09:50:00, the end of the default policy's 60-minute baseline) on; one load in 40 before it is
flagged HasEffectivePageTimeDeviation (the tab was in the background) with a page time that must be skipped.
Run once on a recording without page times: python3 add_page_times.py Functions/demo/recording.jsonl
"""
import json
import math
import random
import sys
import uuid
from datetime import datetime, timedelta, timezone

CHANNEL = "/event/LightningUriEventStream"
DEPLOYED = datetime(2026, 11, 20, 9, 50, tzinfo=timezone.utc)


def stamp(at):
    return at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{at.microsecond // 1000:03d}Z"


def main(path):
    lines = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    if any(m["message"]["channel"] == CHANNEL for m in lines):
        sys.exit(f"{path} already has {CHANNEL} events")
    org = lines[0]["org"]
    start = datetime.fromisoformat(lines[0]["receivedAt"].replace("Z", "+00:00"))
    end = datetime.fromisoformat(lines[-1]["receivedAt"].replace("Z", "+00:00"))
    rng = random.Random(13)
    at = start.replace(second=1, microsecond=0)
    replay = 0
    added = []
    while at < end:
        replay += 1
        flagged = at < DEPLOYED and replay % 40 == 0
        ms = 1000 * math.exp(rng.gauss(0, 0.35)) * (1.8 if at >= DEPLOYED else 1.0)
        created = at + timedelta(milliseconds=rng.randint(0, 900))
        payload = {
            "CreatedDate": stamp(created), "EventDate": stamp(created),
            "EventIdentifier": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "UserId": "005000000000002AAA", "Username": "sales.rep@example.com",
            "SessionKey": "vMASKIU6AxEr+Op5", "LoginKey": "QfNecrLXSII6fsBq",
            "AppName": "one:one", "Operation": "Read", "QueriedEntities": "Opportunity",
            "RecordId": f"006{rng.randrange(10**14):015d}",
            "EffectivePageTime": round(ms * (40 if flagged else 1)),
            "HasEffectivePageTimeDeviation": flagged,
            "EffectivePageTimeDeviationReason": "PageInBackground" if flagged else None,
            "EffectivePageTimeDeviationErrorType": None,
        }
        received = created + timedelta(milliseconds=rng.randint(150, 450))
        added.append({"receivedAt": stamp(received), "org": org, "message": {"channel": CHANNEL, "data": {
            "schema": "lightning-uri-event-stream", "payload": payload, "event": {"replayId": replay}}}})
        at += timedelta(seconds=2)
    merged = sorted(lines + added, key=lambda m: m["receivedAt"])
    with open(path, "w", encoding="utf-8") as out:
        for m in merged:
            out.write(json.dumps(m, separators=(",", ":")) + "\n")
    print(f"added {len(added)} page times to {path}")


if __name__ == "__main__":
    main(sys.argv[1])
