"""The corner shop's accounts and seed data, apart from the app so that seeding does not
import Streamlit (slow to import on a loaded machine)."""

from __future__ import annotations

import sqlite3

USERS = {
    "manager": ("basil-and-rye", "Maria", "Manager"),
    "clerk": ("counter-7", "Sam", "Clerk"),
}
CATEGORIES = ("Bakery", "Dairy", "Produce", "Pantry", "Drinks")
STAFF = ("Maria", "Sam", "Jo")
LOW_STOCK = 5
# Long enough that a person sees the spinner, as a real payment call would make them wait.
PLACING_S = 1.5

PRODUCTS = [
    # name, category, price (cents), stock
    ("Sourdough loaf", "Bakery", 650, 12),
    ("Rye bread", "Bakery", 575, 3),
    ("Croissant", "Bakery", 275, 24),
    ("Cinnamon roll", "Bakery", 350, 0),
    ("Whole milk 1L", "Dairy", 189, 30),
    ("Greek yogurt", "Dairy", 425, 8),
    ("Aged cheddar", "Dairy", 899, 4),
    ("Free-range eggs (12)", "Dairy", 549, 15),
    ("Honeycrisp apples", "Produce", 299, 40),
    ("Bananas", "Produce", 159, 0),
    ("Baby spinach", "Produce", 349, 6),
    ("Basmati rice 2kg", "Pantry", 799, 10),
    ("Olive oil 500ml", "Pantry", 1249, 2),
    ("Dark chocolate", "Pantry", 399, 18),
    ("Cold brew coffee", "Drinks", 475, 9),
    ("Sparkling water", "Drinks", 129, 48),
]
ORDERS = [
    # number, customer, status, placed, [(product, qty)]
    (1036, "Liam Walsh", "Shipped", "2026-11-20", [("Croissant", 6), ("Whole milk 1L", 2)]),
    (1037, "Ava Chen", "Shipped", "2026-11-21", [("Olive oil 500ml", 1)]),
    (1038, "Noah Brooks", "Cancelled", "2026-11-22", [("Aged cheddar", 2)]),
    (1039, "Priya Shah", "Open", "2026-11-24", [("Sourdough loaf", 2), ("Greek yogurt", 3)]),
    (1040, "Ava Chen", "Open", "2026-11-25", [("Basmati rice 2kg", 1), ("Bananas", 6)]),
    (1041, "Mateo Rossi", "Open", "2026-11-26", [("Dark chocolate", 4)]),
    (1042, "Grace Kim", "Shipped", "2026-11-27", [("Cold brew coffee", 3), ("Croissant", 2)]),
    (1043, "Oliver Grant", "Open", "2026-11-28", [("Aged cheddar", 1), ("Rye bread", 1)]),
]
TASKS = [
    # title, assignee, done
    ("Order more flour", "Maria", False),
    ("Clean the espresso machine", "Sam", True),
    ("Restock the drinks fridge", "Jo", False),
    ("Call the dairy supplier", "Maria", False),
    ("Update the price labels", "Sam", False),
    ("Count the till", "Jo", True),
]


def seed(path: str) -> None:
    db = sqlite3.connect(path)
    with db:
        db.executescript(
            """
            CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, category TEXT,
                                   price_cents INTEGER, stock INTEGER);
            CREATE TABLE orders (number INTEGER PRIMARY KEY, customer TEXT, status TEXT,
                                 placed TEXT);
            CREATE TABLE order_lines (order_number INTEGER, product TEXT, quantity INTEGER,
                                      price_cents INTEGER);
            CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT, assignee TEXT,
                                done INTEGER);
            """
        )
        db.executemany(
            "INSERT INTO products (name, category, price_cents, stock) VALUES (?, ?, ?, ?)",
            PRODUCTS,
        )
        prices = {name: cents for name, _, cents, _ in PRODUCTS}
        for number, customer, status, placed, lines in ORDERS:
            db.execute("INSERT INTO orders VALUES (?, ?, ?, ?)", (number, customer, status, placed))
            db.executemany(
                "INSERT INTO order_lines VALUES (?, ?, ?, ?)",
                [(number, product, qty, prices[product]) for product, qty in lines],
            )
        db.executemany("INSERT INTO tasks (title, assignee, done) VALUES (?, ?, ?)", TASKS)
    db.close()
