from django.urls import path

from microcred.web.delivery import views

app_name = "delivery"

urlpatterns = [
    path(
        "o/<slug:org>/credentials/<uuid:credential>/send-again/",
        views.resend,
        name="resend",
    ),
]
