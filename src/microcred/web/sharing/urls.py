from django.urls import path

from microcred.web.sharing import views

app_name = "sharing"

urlpatterns = [
    path("c/<uuid:credential>/share/<str:channel>", views.share, name="share"),
    path("c/<uuid:credential>/share.png", views.share_image, name="image"),
    path("c/<uuid:credential>/signature.png", views.signature_image, name="signature_image"),
    path("c/<uuid:credential>/qr.<str:kind>", views.qr, name="qr"),
    path("c/<uuid:credential>/embed", views.embed, name="embed"),
    path("o/<slug:org>/sharing/", views.settings_page, name="settings"),
]
