from django.urls import path

from microcred.web.statuslists import views

app_name = "statuslists"

urlpatterns = [
    path(
        "o/<slug:org>/status/<str:purpose>/<int:number>",
        views.status_list,
        name="list",
    ),
]
