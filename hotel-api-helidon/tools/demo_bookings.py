#!/usr/bin/env python3
"""Derives src/main/resources/demo/city-hotel-2016.csv, the large demo hotel's year of bookings (HOTEL_DEMO=large).

Source: the "Hotel booking demand" data set, Antonio, Almeida and Nunes (2019), Data in Brief 22, 41-49,
CC BY 4.0: the City Hotel's bookings that arrived in 2016 and were not cancelled, one in two kept at random
(seed 13) so that a 120-room hotel is busy but not always full. Each row keeps the arrival day of the year,
nights, adults, children, reserved room type letter and country; nothing that names a person.

Run: python3 tools/demo_bookings.py path/to/hotel_bookings.csv > src/main/resources/demo/city-hotel-2016.csv
"""
import csv
import datetime
import random
import sys

MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                                      "September", "October", "November", "December"], 1)}
rng = random.Random(13)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["day", "nights", "adults", "children", "room_type", "country"])
rows = []
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["hotel"] != "City Hotel" or r["is_canceled"] != "0" or r["arrival_date_year"] != "2016":
        continue
    nights = int(r["stays_in_weekend_nights"]) + int(r["stays_in_week_nights"])
    if nights == 0 or rng.random() >= 0.5:
        continue
    arrival = datetime.date(2016, MONTHS[r["arrival_date_month"]], int(r["arrival_date_day_of_month"]))
    children = int(r["children"] if r["children"] not in ("", "NA") else 0) + int(r["babies"])
    rows.append((arrival.timetuple().tm_yday - 1, min(nights, 14), max(1, int(r["adults"])), children,
                 r["reserved_room_type"], r["country"] if r["country"] != "NULL" else ""))
rows.sort()
out.writerows(rows)
