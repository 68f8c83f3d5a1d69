#!/usr/bin/env python3
"""A Mountain Project tick export of N rows (seeded), shaped like the real ones in ../shared/data."""
import csv
import random
import sys
from datetime import date, timedelta

rows = int(sys.argv[1])
random.seed(sys.argv[2] if len(sys.argv) > 2 else "0.42")
grades = ["5.6", "5.7", "5.8", "5.9", "5.10a", "5.10b", "5.10c", "5.10d", "5.11a", "5.11b", "5.11c", "5.11d", "5.12a", "5.12b"]
styles = [("Lead", "Onsight"), ("Lead", "Flash"), ("Lead", "Redpoint"), ("Lead", "Fell/Hung"), ("TR", ""), ("Follow", "")]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["Date", "Route", "Rating", "Notes", "URL", "Pitches", "Location", "Avg Stars", "Your Stars", "Style",
              "Lead Style", "Route Type", "Your Rating", "Length", "Rating Code"])
start = date(2014, 1, 1)
for i in range(rows):
    route = random.randrange(20000)
    style, lead = random.choice(styles)
    out.writerow([(start + timedelta(days=random.randrange(4000))).isoformat(), f"Bench Route {route}",
                  random.choice(grades), "good day" if i % 7 == 0 else "",
                  f"https://www.mountainproject.com/route/{100000000 + route}/bench-route-{route}", 1,
                  f"State {route % 7} > Area {route % 31} > Crag {route % 97}", round(random.uniform(1, 4), 1), -1, style,
                  lead, random.choice(["Sport", "Trad", "Sport, TR"]), "", random.randrange(40, 200), ""])
