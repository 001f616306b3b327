# SPDX-License-Identifier: EUPL-1.2
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from django.db.models import QuerySet

from bistand.accounts.models import User
from bistand.cases.selectors import UNIT_ROLES
from bistand.payments.iban import iban_is_valid
from bistand.payments.models import OrderStatus, PaymentOrder, PaymentRun


def payment_run_queryset_visible(*, user: User) -> QuerySet[PaymentRun]:
    if user.role in UNIT_ROLES:
        return PaymentRun.objects.filter(unit__in=user.units.all())
    return PaymentRun.objects.none()


def pending_orders(*, user: User) -> QuerySet[PaymentOrder]:
    if user.role not in UNIT_ROLES:
        return PaymentOrder.objects.none()
    return PaymentOrder.objects.filter(
        unit__in=user.units.all(), status=OrderStatus.PENDING
    ).select_related("person", "unit")


class PaymentState(StrEnum):
    NO_ACCOUNT = "no_account"  # waiting, and cannot be paid: no valid account to pay to
    WAITING = "waiting"  # waiting for the unit's next payment run
    PLANNED = "planned"  # in a run that is prepared, with its day
    SENT = "sent"  # the run is approved and sent to the bank; its day has not come
    PAID = "paid"  # sent, and its day has passed


@dataclass(frozen=True)
class PaymentSeen:
    """What the household sees of a decision's payment: how much, where to, and when."""

    amount: Decimal
    state: PaymentState
    day: date | None
    account_ending: str  # the account's last four characters; "" when there is none


def payment_seen(*, decision_id: UUID, today: date) -> PaymentSeen | None:
    """The payment of a decision as its household sees it on `today`, or None when nothing is
    paid."""
    order = (
        PaymentOrder.objects.filter(decision_id=decision_id).select_related("person", "run").first()
    )
    if order is None:
        return None
    iban = order.person.iban
    ending = iban[-4:] if iban_is_valid(iban) else ""
    day = order.run.execution_date if order.run is not None else None
    if order.status == OrderStatus.SENT:
        state = PaymentState.PAID if day is not None and day < today else PaymentState.SENT
    elif order.status == OrderStatus.IN_RUN:
        state = PaymentState.PLANNED
    else:
        state = PaymentState.WAITING if ending else PaymentState.NO_ACCOUNT
    return PaymentSeen(order.amount, state, day, ending)


def payments_without_account(*, decision_ids: list[UUID]) -> list[PaymentOrder]:
    """Of these decisions' payments, those waiting that cannot be paid: no valid account."""
    waiting = PaymentOrder.objects.filter(
        decision_id__in=decision_ids, status=OrderStatus.PENDING
    ).select_related("person")
    return [order for order in waiting if not iban_is_valid(order.person.iban)]
