"""The bench's corner shop: a small Streamlit app as shop owners write them, over one SQLite file.

Streamlit (an open-source app framework: the whole script reruns over a websocket after each
interaction) draws every widget; this file is only the app's script and its seed data. Anyone
may browse the shop and fill a cart; staff sign in (a form on the Sign in page) to see the
dashboard, the orders and the task list, and to place orders. Serve it with
`python -m streamlit run bench/realapps/sites/corner_shop.py` and SHOP_DB pointing at a
database that `seed` has filled.

Accounts: manager / basil-and-rye (Maria, sees everything) and clerk / counter-7 (Sam, no
dashboard).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from bench.realapps.sites.corner_shop_data import (
    CATEGORIES,
    LOW_STOCK,
    PLACING_S,
    STAFF,
    USERS,
)


@dataclass(frozen=True)
class Product:
    name: str
    category: str
    price_cents: int
    stock: int


def _db() -> sqlite3.Connection:
    # A connection per rerun: the bench restores the file between goals while this runs.
    return sqlite3.connect(os.environ["SHOP_DB"], timeout=10)


def _money(cents: int) -> str:
    return f"${cents / 100:,.2f}"


def _products() -> list[Product]:
    with _db() as db:
        found = db.execute("SELECT name, category, price_cents, stock FROM products ORDER BY name")
        return [Product(*row) for row in found]


def _orders(status: str, find: str) -> list[dict[str, object]]:
    query = """
        SELECT o.number, o.customer, o.placed, SUM(l.quantity), SUM(l.quantity * l.price_cents)
        FROM orders o JOIN order_lines l ON l.order_number = o.number
        WHERE o.status = ? GROUP BY o.number ORDER BY o.number
    """
    with _db() as db:
        found = db.execute(query, (status,)).fetchall()
    needle = find.strip().lower().lstrip("#")
    return [
        {
            "Order": f"#{number}",
            "Customer": customer,
            "Items": items,
            "Total": _money(total),
            "Placed": placed,
        }
        for number, customer, placed, items, total in found
        if needle in str(number) or needle in customer.lower()
    ]


def _order_lines(number: int) -> list[tuple[str, int, int]]:
    with _db() as db:
        query = "SELECT product, quantity, price_cents FROM order_lines WHERE order_number = ?"
        return [(p, q, c) for p, q, c in db.execute(query, (number,))]


def _set_status(number: int, status: str) -> None:
    with _db() as db:
        db.execute("UPDATE orders SET status = ? WHERE number = ?", (status, number))


def _user() -> str | None:
    user = st.session_state.get("user")
    return user if isinstance(user, str) else None


def _cart() -> dict[str, int]:
    if "cart" not in st.session_state:
        st.session_state.cart = {}
    cart: dict[str, int] = st.session_state.cart
    return cart


def _flash(kind: str, text: str) -> None:
    """Keep a message across the rerun that a button's action triggers."""
    st.session_state.flash = (kind, text)


def _show_flash() -> None:
    flash = st.session_state.pop("flash", None)
    if flash is None:
        return
    kind, text = flash
    {"success": st.success, "error": st.error, "warning": st.warning, "info": st.info}[kind](text)


def shop_page() -> None:
    st.title("Corner Shop")
    st.write("Fresh bread, dairy and groceries — order online, collect at the counter.")
    _show_flash()
    products = _products()
    left, middle, right = st.columns([2, 1, 1])
    search = left.text_input("Search products", placeholder="e.g. bread")
    category = middle.selectbox("Category", ("All", *CATEGORIES))
    sort = right.radio("Sort by", ("Name", "Price: low to high", "Price: high to low"))
    in_stock = st.checkbox("In stock only")
    shown = [
        p
        for p in products
        if search.strip().lower() in p.name.lower()
        and category in ("All", p.category)
        and (p.stock > 0 or not in_stock)
    ]
    if sort == "Price: low to high":
        shown.sort(key=lambda p: p.price_cents)
    elif sort == "Price: high to low":
        shown.sort(key=lambda p: -p.price_cents)
    st.caption(f"{len(shown)} of {len(products)} products")
    if shown:
        table = pd.DataFrame(
            {
                "Product": [p.name for p in shown],
                "Category": [p.category for p in shown],
                "Price": [_money(p.price_cents) for p in shown],
                "In stock": [p.stock if p.stock else "Sold out" for p in shown],
            }
        ).set_index("Product")
        st.table(table)
    else:
        st.info("No products match your search.")

    st.subheader("Add to cart")
    available = [p.name for p in products if p.stock > 0]
    pick, qty, add = st.columns([2, 1, 1], vertical_alignment="bottom")
    product = pick.selectbox("Product", available, index=None, placeholder="Choose a product")
    quantity = qty.number_input("Quantity", min_value=1, max_value=10, value=1, step=1)
    if add.button("Add to cart", type="primary"):
        if product is None:
            st.warning("Choose a product first.")
        else:
            cart = _cart()
            cart[product] = cart.get(product, 0) + int(quantity)
            st.success(f"Added {int(quantity)} x {product} to your cart.")
    _cart_section(products)


def _cart_section(products: list[Product]) -> None:
    st.subheader("Your cart")
    cart = _cart()
    prices = {p.name: p.price_cents for p in products}
    if not cart:
        st.write("Your cart is empty.")
    else:
        for name, qty in list(cart.items()):
            line, remove = st.columns([4, 1], vertical_alignment="center")
            line.markdown(f"**{name}** x {qty} — {_money(prices[name] * qty)}")
            if remove.button("Remove", key=f"remove-{name}"):
                del cart[name]
                st.rerun()
        total = sum(prices[name] * qty for name, qty in cart.items())
        st.metric("Cart total", _money(total))
        if st.button("Empty cart"):
            cart.clear()
            st.rerun()
    user = _user()
    if user is None:
        st.caption("Sign in to place an order.")
    if st.button("Place order", disabled=not cart or user is None):
        with st.spinner("Placing your order..."):
            time.sleep(PLACING_S)
            number = _place(cart, prices, USERS[user][1] if user else "")
        cart.clear()
        _flash("success", f"Order #{number} placed.")
        st.rerun()


def _place(cart: dict[str, int], prices: dict[str, int], customer: str) -> int:
    with _db() as db:
        last = db.execute("SELECT MAX(number) FROM orders").fetchone()[0]
        number = int(last) + 1
        today = time.strftime("%Y-%m-%d")
        db.execute("INSERT INTO orders VALUES (?, ?, 'Open', ?)", (number, customer, today))
        db.executemany(
            "INSERT INTO order_lines VALUES (?, ?, ?, ?)",
            [(number, name, qty, prices[name]) for name, qty in cart.items()],
        )
        for name, qty in cart.items():
            db.execute("UPDATE products SET stock = stock - ? WHERE name = ?", (qty, name))
    return number


def sign_in_page() -> None:
    st.title("Sign in")
    user = _user()
    if user is not None:
        name, role = USERS[user][1], USERS[user][2]
        st.success(f"Signed in as {name} ({role}).")
        if st.button("Sign out"):
            del st.session_state["user"]
            st.rerun()
        return
    st.write("Staff only. Customers can browse the shop without an account.")
    with st.form("sign-in"):
        username = st.text_input("Username")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        account = USERS.get(username.strip())
        if account is None or account[0] != password:
            st.error("Incorrect username or password.")
        else:
            st.session_state.user = username.strip()
            st.session_state.welcome = True
            st.rerun()


def dashboard_page() -> None:
    st.title("Dashboard")
    if _user() != "manager":
        st.error("Only the manager can see the dashboard.")
        return
    products = _products()
    with _db() as db:
        open_orders = db.execute("SELECT COUNT(*) FROM orders WHERE status = 'Open'").fetchone()[0]
        revenue = db.execute(
            """SELECT SUM(l.quantity * l.price_cents) FROM orders o
               JOIN order_lines l ON l.order_number = o.number WHERE o.status = 'Shipped'"""
        ).fetchone()[0]
        todo = db.execute("SELECT COUNT(*) FROM tasks WHERE done = 0").fetchone()[0]
    low = [p for p in products if 0 < p.stock <= LOW_STOCK]
    sold_out = [p for p in products if p.stock == 0]
    a, b, c, d = st.columns(4)
    a.metric("Open orders", open_orders)
    b.metric("Shipped revenue", _money(revenue or 0), delta="+8% vs last week")
    c.metric("Low stock", len(low), delta=f"{len(sold_out)} sold out", delta_color="inverse")
    d.metric("Open tasks", todo)
    if low:
        st.warning("Running low: " + ", ".join(p.name for p in low))
    if sold_out:
        st.error("Sold out: " + ", ".join(p.name for p in sold_out))
    st.subheader("Stock levels")
    stock = pd.DataFrame(
        {"Product": [p.name for p in products], "Stock": [p.stock for p in products]}
    )
    st.dataframe(stock, hide_index=True)
    with st.expander("Restock a product"):
        product = st.selectbox("Product to restock", [p.name for p in products])
        amount = st.number_input("Units received", min_value=1, max_value=100, value=12)
        if st.button("Restock"):
            with _db() as db:
                db.execute(
                    "UPDATE products SET stock = stock + ? WHERE name = ?", (int(amount), product)
                )
            _flash("success", f"Added {int(amount)} units of {product}.")
            st.rerun()
    _show_flash()


def orders_page() -> None:
    st.title("Orders")
    _show_flash()
    find = st.text_input("Find an order", placeholder="Order number or customer")
    for tab, status in zip(
        st.tabs(["Open", "Shipped", "Cancelled"]), ("Open", "Shipped", "Cancelled"), strict=True
    ):
        with tab:
            rows = _orders(status, find)
            if not rows:
                st.info(f"No {status.lower()} orders.")
                continue
            st.table(pd.DataFrame(rows).set_index("Order"))
            if status != "Open":
                continue
            for row in rows:
                number = int(str(row["Order"]).lstrip("#"))
                with st.expander(f"Order #{number} — {row['Customer']}"):
                    for product, qty, cents in _order_lines(number):
                        st.write(f"{qty} x {product} ({_money(cents)} each)")
                    ship, cancel = st.columns(2)
                    if ship.button("Mark as shipped", key=f"ship-{number}"):
                        _set_status(number, "Shipped")
                        _flash("success", f"Order #{number} marked as shipped.")
                        st.rerun()
                    if cancel.button("Cancel order", key=f"cancel-{number}"):
                        _set_status(number, "Cancelled")
                        _flash("warning", f"Order #{number} cancelled.")
                        st.rerun()


def tasks_page() -> None:
    st.title("Tasks")
    _show_flash()
    with _db() as db:
        tasks = db.execute("SELECT id, title, assignee, done FROM tasks ORDER BY id").fetchall()
    done = sum(1 for *_, finished in tasks if finished)
    st.caption(f"{done} of {len(tasks)} done")
    title_col, who_col, add_col = st.columns([3, 1, 1], vertical_alignment="bottom")
    title = title_col.text_input("New task", placeholder="What needs doing?")
    who = who_col.selectbox("Assign to", STAFF)
    if add_col.button("Add task", type="primary"):
        if not title.strip():
            st.warning("Type a task first.")
        else:
            with _db() as db:
                db.execute(
                    "INSERT INTO tasks (title, assignee, done) VALUES (?, ?, 0)",
                    (title.strip(), who),
                )
            _flash("success", f"Added “{title.strip()}” for {who}.")
            st.rerun()
    hide_done = st.toggle("Hide completed")
    people = st.multiselect("Show tasks for", STAFF, default=list(STAFF))
    st.divider()
    for task_id, task_title, assignee, finished in tasks:
        if (hide_done and finished) or assignee not in people:
            continue
        box, who_label, remove = st.columns([4, 1, 1], vertical_alignment="center")
        ticked = box.checkbox(task_title, value=bool(finished), key=f"task-{task_id}")
        if ticked != bool(finished):
            with _db() as db:
                db.execute("UPDATE tasks SET done = ? WHERE id = ?", (int(ticked), task_id))
            st.rerun()
        who_label.write(assignee)
        if remove.button("Remove", key=f"remove-task-{task_id}"):
            with _db() as db:
                db.execute("DELETE FROM tasks WHERE id = ?", (task_id,))
            _flash("info", f"Removed “{task_title}”.")
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="Corner Shop", page_icon="🥖")
    shop = st.Page(shop_page, title="Shop", url_path="shop", default=True)
    sign_in = st.Page(sign_in_page, title="Sign in", url_path="sign-in")
    pages = [shop]
    user = _user()
    if user == "manager":
        pages.append(st.Page(dashboard_page, title="Dashboard", url_path="dashboard"))
    if user is not None:
        pages.append(st.Page(orders_page, title="Orders", url_path="orders"))
        pages.append(st.Page(tasks_page, title="Tasks", url_path="tasks"))
        sign_in = st.Page(sign_in_page, title="Account", url_path="sign-in")
    pages.append(sign_in)
    current = st.navigation(pages)
    with st.sidebar:
        if user is None:
            st.caption("Not signed in")
        else:
            st.caption(f"Signed in as {USERS[user][1]}")
        st.caption(f"{sum(_cart().values())} items in cart")
    if st.session_state.pop("welcome", False):
        st.switch_page(pages[1])
    current.run()


if __name__ == "__main__":
    main()
