"""The bench's MLflow tracking data: three experiments, their runs and two registered models.

MLflow (the open-source ML lifecycle platform) serves its own React UI from the wheel with
`mlflow server`; only the seed data lives here. `seed(db)` writes it through MLflow's own
client straight into a SQLite backend store, so the server later reads exactly what a team
logging from training scripts would have logged.

Run ids are normally random; the seed derives them from the run names so a goal can start on
a run's page by its address, as a bookmarked check would.
"""

from __future__ import annotations

import hashlib
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

# 2026-10-05 09:00 UTC, in milliseconds: every run's start is a fixed offset from it, so the
# UI's "Created" order is the same on every seed.
EPOCH_MS = 1_791_190_800_000
HOUR_MS = 3_600_000

EXPERIMENTS: list[dict[str, Any]] = [
    {
        "name": "churn-model",
        "description": "Weekly customer churn classifier for the subscriptions team",
        "tags": {"team": "growth"},
        "runs": [
            {
                "name": "baseline-logreg",
                "params": {"model": "logistic_regression", "C": "1.0", "max_iter": "200"},
                "metrics": {"accuracy": 0.812, "f1": 0.744, "auc": 0.861},
                "loss": [0.69, 0.55, 0.48, 0.45, 0.43],
                "tags": {"dataset": "customers-2026-09", "owner": "priya"},
            },
            {
                "name": "rf-500-trees",
                "params": {"model": "random_forest", "n_estimators": "500", "max_depth": "12"},
                "metrics": {"accuracy": 0.851, "f1": 0.790, "auc": 0.897},
                "loss": [0.61, 0.47, 0.40, 0.37, 0.36],
                "tags": {"dataset": "customers-2026-09", "owner": "marco"},
            },
            {
                "name": "xgb-depth6",
                "params": {
                    "model": "xgboost",
                    "max_depth": "6",
                    "learning_rate": "0.1",
                    "n_estimators": "300",
                },
                "metrics": {"accuracy": 0.874, "f1": 0.811, "auc": 0.922},
                "loss": [0.58, 0.41, 0.33, 0.30, 0.29],
                "tags": {"dataset": "customers-2026-10", "owner": "priya"},
            },
            {
                "name": "xgb-depth8",
                "params": {
                    "model": "xgboost",
                    "max_depth": "8",
                    "learning_rate": "0.05",
                    "n_estimators": "500",
                },
                "metrics": {"accuracy": 0.869, "f1": 0.823, "auc": 0.918},
                "loss": [0.60, 0.43, 0.34, 0.31, 0.30],
                "tags": {"dataset": "customers-2026-10", "owner": "marco"},
            },
            {
                "name": "lgbm-oom",
                "params": {"model": "lightgbm", "num_leaves": "255"},
                "metrics": {},
                "loss": [0.66],
                "tags": {"dataset": "customers-2026-10", "owner": "marco"},
                "status": "FAILED",
            },
            {
                "name": "xgb-tuned-final",
                "params": {
                    "model": "xgboost",
                    "max_depth": "7",
                    "learning_rate": "0.08",
                    "n_estimators": "400",
                },
                "metrics": {"accuracy": 0.881, "f1": 0.829, "auc": 0.931},
                "loss": [0.57, 0.40, 0.32, 0.28, 0.27],
                "tags": {"dataset": "customers-2026-10", "owner": "priya", "release": "q4"},
            },
        ],
    },
    {
        "name": "demand-forecast",
        "description": "Daily units forecast per warehouse",
        "tags": {"team": "supply"},
        "runs": [
            {
                "name": "arima-baseline",
                "params": {"model": "arima", "order": "(2,1,2)"},
                "metrics": {"mape": 15.1, "rmse": 210.5},
                "loss": [],
                "tags": {"warehouse": "all", "owner": "lena"},
            },
            {
                "name": "prophet-weekly",
                "params": {"model": "prophet", "seasonality": "weekly"},
                "metrics": {"mape": 12.4, "rmse": 183.2},
                "loss": [],
                "tags": {"warehouse": "all", "owner": "lena"},
            },
            {
                "name": "lstm-64units",
                "params": {"model": "lstm", "units": "64", "epochs": "40"},
                "metrics": {"mape": 9.8, "rmse": 151.7},
                "loss": [0.31, 0.22, 0.18, 0.16],
                "tags": {"warehouse": "all", "owner": "tomas"},
            },
            {
                # Deleted after logging: only the "Deleted" state filter shows it.
                "name": "xgboost-daily",
                "params": {"model": "xgboost", "horizon": "1"},
                "metrics": {"mape": 11.2, "rmse": 170.3},
                "loss": [],
                "tags": {"warehouse": "all", "owner": "tomas"},
                "deleted": True,
            },
        ],
    },
    {
        "name": "image-tagger",
        "description": "Product photo tagging",
        "tags": {"team": "catalog"},
        "runs": [
            {
                "name": "resnet50-finetune",
                "params": {"backbone": "resnet50", "epochs": "10", "batch_size": "64"},
                "metrics": {},
                "val_accuracy": [0.62, 0.71, 0.77, 0.81, 0.84, 0.86, 0.88, 0.89, 0.90, 0.91],
                "loss": [],
                "tags": {"owner": "aiko"},
            },
            {
                "name": "vit-small",
                "params": {"backbone": "vit_small", "epochs": "8", "batch_size": "32"},
                "metrics": {},
                "val_accuracy": [0.58, 0.66, 0.73, 0.79, 0.83, 0.85, 0.87, 0.88],
                "loss": [],
                "tags": {"owner": "aiko"},
            },
        ],
    },
]
# An experiment that was created and then deleted: MLflow keeps it out of the list.
DELETED_EXPERIMENT = "scratch-notebook"

# (model, [(run name, version description)], aliases {alias: version}, model description)
MODELS: list[tuple[str, list[tuple[str, str]], dict[str, int], str]] = [
    (
        "churn-classifier",
        [
            ("baseline-logreg", "First logistic regression baseline"),
            ("xgb-depth6", "XGBoost, depth 6"),
            ("xgb-tuned-final", "Tuned XGBoost for the Q4 release"),
        ],
        {"champion": 3, "challenger": 2},
        "Predicts which subscribers cancel within 30 days",
    ),
    (
        "demand-forecaster",
        [("prophet-weekly", "Prophet with weekly seasonality"), ("lstm-64units", "LSTM, 64 units")],
        {"production": 1},
        "Units per warehouse per day",
    ),
]


def run_id(name: str) -> str:
    """A stable, random-looking run id for a run name (the UI addresses runs by id)."""
    return hashlib.md5(f"vigil-bench-run:{name}".encode()).hexdigest()


def experiment_id(name: str) -> str:
    """Experiments get consecutive ids in creation order after MLflow's "Default" (0)."""
    return str([e["name"] for e in EXPERIMENTS].index(name) + 1)


def seed(db: str) -> None:
    import mlflow
    from mlflow.entities import Metric, Param, RunTag
    from mlflow.tracking import MlflowClient

    _stable_run_ids()
    path = Path(db)
    artifacts = path.parent / "artifacts"
    artifacts.mkdir(exist_ok=True)
    mlflow.set_tracking_uri(f"sqlite:///{path}")
    client = MlflowClient()
    runs: dict[str, str] = {}
    for i, exp in enumerate(EXPERIMENTS):
        exp_id = client.create_experiment(
            exp["name"],
            artifact_location=(artifacts / str(i + 1)).as_uri(),
            tags={**exp["tags"], "mlflow.note.content": exp["description"]},
        )
        for j, spec in enumerate(exp["runs"]):
            start = EPOCH_MS + (10 * i + j) * HOUR_MS
            run = client.create_run(exp_id, start_time=start, run_name=spec["name"])
            runs[spec["name"]] = run.info.run_id
            metrics = [Metric(k, v, start + 60_000, 0) for k, v in spec["metrics"].items()]
            for key in ("loss", "val_accuracy"):
                for step, value in enumerate(spec.get(key, [])):
                    metrics.append(Metric(key, value, start + step * 60_000, step))
            client.log_batch(
                run.info.run_id,
                metrics=metrics,
                params=[Param(k, v) for k, v in spec["params"].items()],
                tags=[RunTag(k, v) for k, v in spec["tags"].items()],
            )
            status = spec.get("status", "FINISHED")
            client.set_terminated(run.info.run_id, status, end_time=start + 25 * 60_000)
            if spec.get("deleted"):
                client.delete_run(run.info.run_id)
    scratch = client.create_experiment(DELETED_EXPERIMENT)
    client.delete_experiment(scratch)
    for name, versions, aliases, description in MODELS:
        client.create_registered_model(name, description=description, tags={"domain": "retail"})
        for run_name, note in versions:
            rid = runs[run_name]
            client.create_model_version(
                name,
                f"runs:/{rid}/model",
                run_id=rid,
                description=note,
                tags={"trained_on": rid[:8]},
            )
        for alias, version in aliases.items():
            client.set_registered_model_alias(name, alias, str(version))


def _stable_run_ids() -> None:
    """Make MLflow's SQL store name each new run after `run_id(name)`, not a random uuid."""
    from mlflow.store.tracking import sqlalchemy_store

    # The store calls `uuid.uuid4()` through the uuid module: patching the module reaches it.
    original: Callable[..., Any] = sqlalchemy_store.SqlAlchemyStore.create_run

    def create_run(self: Any, *args: Any, **kwargs: Any) -> Any:
        name = kwargs.get("run_name") or args[3]
        wanted = uuid.UUID(run_id(name))
        real = uuid.uuid4
        uuid.uuid4 = lambda: wanted
        try:
            return original(self, *args, **kwargs)
        finally:
            uuid.uuid4 = real

    # Through Any: typed when mlflow is installed (`make bench`), untyped when not (`make lint`).
    store: Any = sqlalchemy_store.SqlAlchemyStore
    store.create_run = create_run


if __name__ == "__main__":
    seed(sys.argv[1])
