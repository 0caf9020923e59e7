"""The bench's bakery database for Datasette (an open-source tool for publishing SQLite).

Only data and Datasette's metadata (titles, label columns, facets, full-text search) live
here; the application under test is Datasette itself, started by the bench.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

# name, category, price, stock
PRODUCTS = [
    ("Sourdough Loaf", "Bread", 6.50, 14),
    ("Rye Bread", "Bread", 5.20, 0),
    ("Spelt Loaf", "Bread", 5.80, 6),
    ("Baguette", "Bread", 3.10, 25),
    ("Croissant", "Pastry", 2.40, 40),
    ("Pain au Chocolat", "Pastry", 2.90, 18),
    ("Cinnamon Roll", "Pastry", 3.50, 0),
    ("Almond Tart", "Cake", 4.20, 9),
    ("Carrot Cake", "Cake", 4.80, 3),
    ("Lemon Drizzle", "Cake", 4.20, 7),
    ("Oat Cookie", "Biscuit", 1.60, 50),
    ("Shortbread", "Biscuit", 1.90, 22),
]
# name, email, city
CUSTOMERS = [
    ("Ana Souza", "ana@example.com", "Lisbon"),
    ("Priya Nair", "priya@example.com", "Leeds"),
    ("Tom Becker", "tom@example.com", "Berlin"),
    ("Mei Chen", "mei@example.com", "Leeds"),
    ("Omar Haddad", "omar@example.com", "Lyon"),
    ("Lucia Ortiz", "lucia@example.com", "Lisbon"),
]
# customer id, product id, quantity, status, placed_on
ORDERS = [
    (1, 1, 2, "paid", "2024-03-01"),
    (2, 5, 6, "paid", "2024-03-01"),
    (3, 8, 1, "pending", "2024-03-02"),
    (1, 11, 12, "paid", "2024-03-02"),
    (4, 3, 1, "refunded", "2024-03-03"),
    (5, 6, 4, "paid", "2024-03-03"),
    (2, 9, 1, "pending", "2024-03-04"),
    (6, 4, 3, "paid", "2024-03-04"),
    (3, 2, 2, "refunded", "2024-03-05"),
    (4, 12, 5, "paid", "2024-03-05"),
    (1, 10, 1, "pending", "2024-03-06"),
    (5, 7, 2, "paid", "2024-03-06"),
    (6, 1, 1, "paid", "2024-03-07"),
    (2, 4, 2, "pending", "2024-03-07"),
    (3, 5, 3, "paid", "2024-03-08"),
]
METADATA = {
    "title": "Corner Bakery",
    "description": "Products, customers and orders of a small bakery.",
    "databases": {
        "bakery": {
            "tables": {
                "products": {"label_column": "name", "facets": ["category"]},
                "customers": {"label_column": "name", "facets": ["city"]},
                "orders": {"facets": ["status"], "sort_desc": "placed_on"},
            }
        }
    },
}


def seed(directory: Path) -> tuple[Path, Path]:
    """Write bakery.db and metadata.json into `directory`; return their paths."""
    db = directory / "bakery.db"
    conn = sqlite3.connect(db)
    with conn:
        conn.executescript(
            """
            CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, category TEXT,
                                   price REAL, stock INTEGER);
            CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, city TEXT);
            CREATE TABLE orders (id INTEGER PRIMARY KEY,
                                 customer_id INTEGER REFERENCES customers(id),
                                 product_id INTEGER REFERENCES products(id),
                                 quantity INTEGER, status TEXT, placed_on TEXT);
            CREATE VIRTUAL TABLE products_fts USING fts5(name, category,
                                 content="products", content_rowid="id");
            """
        )
        conn.executemany(
            "INSERT INTO products (name, category, price, stock) VALUES (?, ?, ?, ?)", PRODUCTS
        )
        conn.executemany("INSERT INTO customers (name, email, city) VALUES (?, ?, ?)", CUSTOMERS)
        conn.executemany(
            "INSERT INTO orders (customer_id, product_id, quantity, status, placed_on) "
            "VALUES (?, ?, ?, ?, ?)",
            ORDERS,
        )
        conn.execute(
            "INSERT INTO products_fts (rowid, name, category) "
            "SELECT id, name, category FROM products"
        )
    conn.close()
    metadata = directory / "metadata.json"
    metadata.write_text(json.dumps(METADATA, indent=2))
    return db, metadata
