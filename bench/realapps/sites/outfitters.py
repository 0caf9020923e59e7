"""The bench's outdoor-gear shop: Flask-Admin (an open-source admin for Flask) over three tables.

Only configuration and seed data live here: the models, which columns Flask-Admin's stock
list views show, search, sort and filter, and the sign-in page in front of the admin (Flask-
Admin leaves authentication to the application; this is the pattern its documentation shows:
`is_accessible` plus a redirect to a login form). Serve it with
`python -m flask --app bench.realapps.sites.outfitters run` and SHOP_DB pointing at a seeded
database.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Any, ClassVar

from flask import Flask, redirect, request, session, url_for
from flask_admin import Admin, AdminIndexView
from flask_admin.contrib.sqla import ModelView
from flask_admin.menu import MenuLink
from flask_admin.theme import Bootstrap4Theme
from flask_sqlalchemy import SQLAlchemy
from markupsafe import escape
from sqlalchemy import ForeignKey, Numeric, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

USERNAME = "manager"
PASSWORD = "trail-mix-42"


class Base(DeclarativeBase):
    pass


db = SQLAlchemy()


class Category(Base):
    __tablename__ = "categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    products: Mapped[list[Product]] = relationship(back_populates="category")

    def __str__(self) -> str:
        return self.name


class Supplier(Base):
    __tablename__ = "suppliers"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    country: Mapped[str] = mapped_column(String(60))
    email: Mapped[str] = mapped_column(String(120))
    products: Mapped[list[Product]] = relationship(back_populates="supplier")

    def __str__(self) -> str:
        return self.name


class Product(Base):
    __tablename__ = "products"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    sku: Mapped[str] = mapped_column(String(20))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"))
    category: Mapped[Category | None] = relationship(back_populates="products")
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    supplier: Mapped[Supplier | None] = relationship(back_populates="products")
    price: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    stock: Mapped[int] = mapped_column()
    active: Mapped[bool] = mapped_column(default=True)

    def __str__(self) -> str:
        return self.name


CATEGORIES = ["Tents", "Sleeping", "Footwear", "Clothing", "Cooking"]
# name, country, email
SUPPLIERS = [
    ("Alpine Works", "Austria", "orders@alpineworks.test"),
    ("Cascade Gear Co", "USA", "sales@cascadegear.test"),
    ("Fjord Textiles", "Norway", "hello@fjordtextiles.test"),
    ("Kiso Metalcraft", "Japan", "trade@kisometal.test"),
]
# name, sku, category, supplier (indexes), price, stock, active
PRODUCTS = [
    ("Ridgeline 2P Tent", "TN-201", 0, 1, "329.00", 7, True),
    ("Summit 4P Dome", "TN-402", 0, 0, "549.00", 2, True),
    ("Ultralight Tarp", "TN-110", 0, 1, "119.00", 0, False),
    ("Down Bag -5C", "SL-505", 1, 2, "289.00", 11, True),
    ("Synthetic Bag +5C", "SL-305", 1, 2, "149.00", 19, True),
    ("Foam Sleeping Pad", "SL-020", 1, 1, "39.00", 42, True),
    ("Inflatable Pad", "SL-045", 1, 0, "99.00", 0, True),
    ("Trail Runner Shoe", "FW-310", 2, 1, "139.00", 23, True),
    ("Leather Hiking Boot", "FW-520", 2, 0, "229.00", 6, True),
    ("Camp Sandal", "FW-105", 2, 1, "49.00", 31, False),
    ("Merino Base Layer", "CL-210", 3, 2, "89.00", 17, True),
    ("Rain Shell Jacket", "CL-640", 3, 2, "259.00", 5, True),
    ("Fleece Pullover", "CL-330", 3, 2, "79.00", 0, True),
    ("Titanium Pot 900ml", "CK-090", 4, 3, "64.00", 14, True),
    ("Canister Stove", "CK-150", 4, 3, "59.00", 8, True),
    ("Folding Spork", "CK-005", 4, 3, "9.00", 120, True),
]


def seed(path: str) -> None:
    """Create the tables and the rows above in a new database at `path`."""
    app = create_app(path)
    with app.app_context():
        Base.metadata.create_all(db.engine)
        categories = [Category(name=n) for n in CATEGORIES]
        suppliers = [Supplier(name=n, country=c, email=e) for n, c, e in SUPPLIERS]
        db.session.add_all(categories)
        db.session.add_all(suppliers)
        for name, sku, cat, sup, price, stock, active in PRODUCTS:
            db.session.add(
                Product(
                    name=name,
                    sku=sku,
                    category=categories[cat],
                    supplier=suppliers[sup],
                    price=Decimal(price),
                    stock=stock,
                    active=active,
                )
            )
        db.session.commit()
        db.engine.dispose()


def _signed_in() -> bool:
    return bool(session.get("user") == USERNAME)


class _Guarded:
    """Flask-Admin's documented hook: a view is reachable only when this says so."""

    def is_accessible(self) -> bool:
        return _signed_in()

    def inaccessible_callback(self, name: str, **kwargs: Any) -> Any:
        return redirect(url_for("login", next=request.full_path))


class ShopIndex(_Guarded, AdminIndexView):
    pass


class ProductView(_Guarded, ModelView):
    column_list = ("name", "sku", "category", "supplier", "price", "stock", "active")
    column_labels: ClassVar = {
        "sku": "SKU",
        "category.name": "Category",
        "supplier.name": "Supplier",
    }
    column_searchable_list = ("name", "sku")
    column_sortable_list = ("name", "sku", ("category", "category.name"), "price", "stock")
    column_filters = ("category.name", "supplier.name", "price", "stock", "active")
    column_default_sort = "name"
    form_columns = ("name", "sku", "category", "supplier", "price", "stock", "active")
    column_details_list = form_columns
    can_view_details = True
    page_size = 10


class SupplierView(_Guarded, ModelView):
    column_list = ("name", "country", "email")
    column_searchable_list = ("name", "country")
    column_default_sort = "name"
    form_columns = ("name", "country", "email")
    can_view_details = True


class CategoryView(_Guarded, ModelView):
    column_list = ("name",)
    column_default_sort = "name"
    form_columns = ("name",)


_LOGIN_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Trailhead Outfitters</title>
<link rel="stylesheet" href="/admin/static/bootstrap/bootstrap4/css/bootstrap.min.css"></head>
<body class="container" style="max-width: 28rem; padding-top: 4rem">
<h1 class="h3">Trailhead Outfitters</h1>
<p>Sign in to manage the shop.</p>
{error}
<form method="post">
  <input type="hidden" name="next" value="{next}">
  <div class="form-group"><label for="username">Username</label>
    <input class="form-control" id="username" name="username" autocomplete="username"></div>
  <div class="form-group"><label for="password">Password</label>
    <input class="form-control" id="password" name="password" type="password"
           autocomplete="current-password"></div>
  <button class="btn btn-primary" type="submit">Sign in</button>
</form></body></html>"""


def _login_page(error: str = "") -> str:
    note = f'<div class="alert alert-danger" role="alert">{escape(error)}</div>' if error else ""
    target = escape(request.values.get("next", "/admin/"))
    return _LOGIN_PAGE.format(error=note, next=target)


def create_app(db_path: str) -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{db_path}"
    app.config["SECRET_KEY"] = "bench-only-not-secret"
    db.init_app(app)

    @app.route("/")
    def home() -> Any:
        return redirect("/admin/")

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        if request.method == "POST":
            form = request.form
            if form.get("username") == USERNAME and form.get("password") == PASSWORD:
                session["user"] = USERNAME
                target = form.get("next") or "/admin/"
                return redirect(target if target.startswith("/") else "/admin/")
            return _login_page("Invalid username or password."), 401
        return _login_page()

    @app.route("/logout")
    def logout() -> Any:
        session.clear()
        return redirect(url_for("login"))

    admin = Admin(app, name="Trailhead Outfitters", theme=Bootstrap4Theme(), index_view=ShopIndex())
    admin.add_view(ProductView(Product, db.session, name="Products"))
    admin.add_view(SupplierView(Supplier, db.session, name="Suppliers"))
    admin.add_view(CategoryView(Category, db.session, name="Categories"))
    admin.add_link(MenuLink(name="Log out", url="/logout"))
    return app


app = create_app(os.environ.get("SHOP_DB", "outfitters.sqlite3"))
