from django.urls import path

from microcred.web.holder import account_views, views

app_name = "holder"

urlpatterns = [
    path("claim/<str:token>", views.claim, name="claim"),
    path("claim/<str:token>/certificate.pdf", views.certificate, name="certificate"),
    path("me/badges/", account_views.badges, name="badges"),
    path("me/addresses/", account_views.address_list, name="addresses"),
    path("me/addresses/verify/<str:token>", account_views.verify_address, name="verify_address"),
]
