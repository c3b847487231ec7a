#!/usr/bin/env python3
"""A large synthetic webcare log for the webcare benchmark (Benchmarks/run.py --only webcare).

One year (2025) of conversations between customers and one webcare team, in time order, as a
webcare tool exports them: conversation id, time in UTC (ISO 8601 with Z), direction, channel,
status and a short text. Every conversation has a customer message and usually one to three
replies and follow-ups within hours; some are never answered. Deterministic: the same bytes on
every machine for the same --messages. Writes <output> and <output>.json (what was written).

    python3 Benchmarks/generate_webcare_log.py --output .bench/webcare-5m.csv --messages 5000000
"""
import argparse
import datetime
import heapq
import json

CHANNELS = ["X", "Facebook", "Instagram", "X DM", "Messenger"]
TEXTS_IN = ["Al de hele ochtend geen internet, is er een storing?", "Waarom is mijn factuur deze maand hoger?",
            "Wanneer komt de monteur langs?", "Mijn simkaart doet het niet.", "Hoe zeg ik mijn abonnement op?"]
TEXTS_OUT = ["Vervelend! We kijken met je mee.", "Stuur ons een DM, dan zoeken we het uit.",
             "De storing is opgelost.", "Graag gedaan!"]


class Lcg:
    """A 64-bit linear congruential generator (Knuth's MMIX constants): fast enough for millions of
    rows in Python, and the same numbers everywhere."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 33) % n


def generate(path, messages):
    random = Lcg(20250101)
    start = datetime.datetime(2025, 1, 1)
    epoch = int(start.replace(tzinfo=datetime.timezone.utc).timestamp())
    seconds_per_message = 365 * 86400 / messages
    pending = []  # (time, sequence, row)
    sequence = written = conversation = 0
    moment = 0.0
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("conversation,time,direction,channel,status,text\n")
        while written < messages:
            conversation += 1
            moment += seconds_per_message * 2.9
            t = int(moment)
            channel = CHANNELS[random.below(len(CHANNELS))]
            turns = [("in", TEXTS_IN[random.below(5)])]
            if random.below(100) >= 4:
                for _ in range(1 + random.below(3)):
                    turns.append(("out", TEXTS_OUT[random.below(4)]))
                    if random.below(100) < 35:
                        turns.append(("in", "Dank je, maar het werkt nog steeds niet."))
            for index, (direction, text) in enumerate(turns):
                if index:
                    t += 60 + random.below(5 * 3600) if direction == "out" else 60 + random.below(7200)
                status = "gesloten" if index == len(turns) - 1 and direction == "out" else "open"
                sequence += 1
                stamp = datetime.datetime.fromtimestamp(epoch + t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                heapq.heappush(pending, (t, sequence, f'C{conversation},{stamp},{direction},{channel},{status},"{text}"\n'))
            # Everything before the newest conversation's start is final: write it in time order.
            while pending and pending[0][0] <= int(moment) and written < messages:
                out.write(heapq.heappop(pending)[2])
                written += 1
        while pending and written < messages:
            out.write(heapq.heappop(pending)[2])
            written += 1
    return {"messages": written, "conversations": conversation}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", required=True)
    parser.add_argument("--messages", type=int, default=5_000_000)
    arguments = parser.parse_args()
    facts = generate(arguments.output, arguments.messages)
    with open(arguments.output + ".json", "w", encoding="utf-8") as file:
        json.dump(facts, file)


if __name__ == "__main__":
    main()
