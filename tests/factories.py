import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from claims.models import Citation, Claim, ClaimRelation, Speaker, Topic
from sources.models import Outlet, Source


def member_of(group: str) -> factory.PostGeneration:
    """A user trait: membership of one of the groups the migrations make."""
    return factory.PostGeneration(
        lambda user, create, extracted, **kw: user.groups.add(Group.objects.get(name=group))
    )


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")

    class Params:
        reader = factory.Trait(groups=member_of("Readers"))
        researcher = factory.Trait(groups=member_of("Researchers"))
        editor = factory.Trait(groups=member_of("Editors"))
        staff = factory.Trait(is_staff=True, is_superuser=True)


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet

    name = factory.Sequence(lambda n: f"Outlet {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Source {n}")
    outlet = factory.SubFactory(OutletFactory)
    language = "en"

    class Params:
        dated = factory.Trait(
            published_at=factory.Sequence(
                lambda n: (
                    datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC) + datetime.timedelta(days=n)
                )
            )
        )


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    speaker = factory.SubFactory(SpeakerFactory)
    text = factory.Sequence(lambda n: f"Statement number {n}.")
    language = "en"


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory)
    quote = factory.LazyAttribute(lambda citation: citation.claim.text)


class ClaimRelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClaimRelation

    claim = factory.SubFactory(ClaimFactory)
    counter = factory.SubFactory(ClaimFactory)
    kind = ClaimRelation.Kind.DENIES
