import pytest
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db


def test_the_benchmarks_hello_page_is_not_routed_unless_benchmarking(staff_client):
    with pytest.raises(NoReverseMatch):
        reverse("bench-hello")
    assert staff_client.get("/bench/hello/").status_code == 404
