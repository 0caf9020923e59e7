"""The bench's helpdesk site: SQLAdmin (an open-source admin for SQLAlchemy) over two tables.

Only configuration and seed data live here: the models, which columns the admin lists,
searches, sorts and filters, and a sign-in backend with one account. Serve it with
`uvicorn bench.realapps.sites.helpdesk:app` and HELPDESK_DB pointing at a seeded database.
"""

from __future__ import annotations

import os
from typing import ClassVar

from sqladmin import Admin, ModelView
from sqladmin.authentication import AuthenticationBackend
from sqladmin.filters import AllUniqueStringValuesFilter
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship
from starlette.applications import Starlette
from starlette.requests import Request

USERNAME = "agent"
PASSWORD = "desk-2024"


class Base(DeclarativeBase):
    pass


class Agent(Base):
    __tablename__ = "agents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    email: Mapped[str] = mapped_column(String(120))
    team: Mapped[str] = mapped_column(String(40))
    tickets: Mapped[list[Ticket]] = relationship(back_populates="agent")

    def __str__(self) -> str:
        return self.name


class Ticket(Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    requester: Mapped[str] = mapped_column(String(80))
    status: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(20))
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    agent: Mapped[Agent | None] = relationship(back_populates="tickets")

    def __str__(self) -> str:
        return self.title


AGENTS = [
    ("Dana Park", "dana@helpdesk.test", "Billing"),
    ("Luis Romero", "luis@helpdesk.test", "Technical"),
    ("Keiko Tanaka", "keiko@helpdesk.test", "Technical"),
]
# title, requester, status, priority, agent (index into AGENTS or None)
TICKETS = [
    ("Cannot reset password", "Ana Souza", "open", "high", 1),
    ("Invoice shows wrong VAT", "Tom Becker", "open", "normal", 0),
    ("Printer offline on floor 3", "Mei Chen", "closed", "low", 2),
    ("Refund not received", "Omar Haddad", "pending", "urgent", 0),
    ("VPN drops every hour", "Priya Nair", "open", "urgent", 1),
    ("Add user to sales group", "Lucia Ortiz", "closed", "low", 2),
    ("Laptop fan is noisy", "Ana Souza", "pending", "low", None),
    ("Double charge on card", "Mei Chen", "open", "high", 0),
    ("Email bounces from partner", "Tom Becker", "open", "normal", 1),
    ("Update billing address", "Priya Nair", "closed", "normal", 0),
    ("Screen flickers", "Omar Haddad", "open", "low", None),
    ("Cannot open shared drive", "Lucia Ortiz", "pending", "high", 2),
    ("Request new monitor", "Ana Souza", "open", "low", None),
]


def seed(path: str) -> None:
    """Create the tables and the rows above in a new database at `path`."""
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    with Session(engine) as session:
        agents = [Agent(name=n, email=e, team=t) for n, e, t in AGENTS]
        session.add_all(agents)
        for title, requester, status, priority, agent in TICKETS:
            owner = None if agent is None else agents[agent]
            session.add(
                Ticket(
                    title=title, requester=requester, status=status, priority=priority, agent=owner
                )
            )
        session.commit()
    engine.dispose()


class DeskAuth(AuthenticationBackend):
    async def login(self, request: Request) -> bool:
        form = await request.form()
        if form.get("username") == USERNAME and form.get("password") == PASSWORD:
            request.session["user_id"] = USERNAME
            return True
        return False

    async def logout(self, request: Request) -> bool:
        request.session.clear()
        return True

    async def authenticate(self, request: Request) -> bool:
        return request.session.get("user_id") == USERNAME


class TicketAdmin(ModelView, model=Ticket):
    column_list: ClassVar = [
        Ticket.id,
        Ticket.title,
        Ticket.requester,
        Ticket.status,
        Ticket.priority,
        Ticket.agent,
    ]
    column_searchable_list: ClassVar = [Ticket.title, Ticket.requester]
    column_sortable_list: ClassVar = [Ticket.id, Ticket.title, Ticket.status, Ticket.priority]
    column_filters: ClassVar = [
        AllUniqueStringValuesFilter(Ticket.status),
        AllUniqueStringValuesFilter(Ticket.priority),
    ]
    form_columns: ClassVar = [
        Ticket.title,
        Ticket.requester,
        Ticket.status,
        Ticket.priority,
        Ticket.agent,
    ]
    page_size: ClassVar[int] = 10
    icon = "fa-solid fa-ticket"


class AgentAdmin(ModelView, model=Agent):
    column_list: ClassVar = [Agent.id, Agent.name, Agent.email, Agent.team]
    column_searchable_list: ClassVar = [Agent.name]
    form_columns: ClassVar = [Agent.name, Agent.email, Agent.team]
    icon = "fa-solid fa-headset"


def build_app(db_path: str) -> Starlette:
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False})
    app = Starlette()
    admin = Admin(
        app,
        engine,
        title="Helpdesk",
        authentication_backend=DeskAuth(secret_key="bench-only-not-secret"),
    )
    admin.add_view(TicketAdmin)
    admin.add_view(AgentAdmin)
    return app


app = build_app(os.environ.get("HELPDESK_DB", "helpdesk.sqlite3"))
