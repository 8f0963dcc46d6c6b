from django.apps import AppConfig


class FrontConfig(AppConfig):
    name = "microcred.web.front"
    label = "front"
