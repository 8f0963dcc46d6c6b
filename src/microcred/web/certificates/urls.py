from django.urls import path

from microcred.web.certificates import design_views, views

app_name = "certificates"

urlpatterns = [
    path("c/<uuid:credential>/certificate.pdf", views.certificate, name="pdf"),
    path("o/<slug:org>/certificate/", design_views.design, name="design"),
    path("o/<slug:org>/certificate/preview.pdf", design_views.preview, name="preview"),
]
