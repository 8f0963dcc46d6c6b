from django.urls import path

from microcred.web.engagement import views

app_name = "engagement"

urlpatterns = [
    path("o/<slug:org>/engagement/", views.overview, name="overview"),
    path(
        "o/<slug:org>/achievements/<uuid:achievement>/engagement/",
        views.achievement_dashboard,
        name="achievement",
    ),
    path(
        "o/<slug:org>/achievements/<uuid:achievement>/engagement/days.csv",
        views.achievement_days_csv,
        name="days_csv",
    ),
    path(
        "o/<slug:org>/achievements/<uuid:achievement>/engagement/credentials.csv",
        views.achievement_credentials_csv,
        name="credentials_csv",
    ),
]
