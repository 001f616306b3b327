# SPDX-License-Identifier: EUPL-1.2
from django.db.models import QuerySet

from bistand.accounts.models import User
from bistand.cases.selectors import UNIT_ROLES
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
