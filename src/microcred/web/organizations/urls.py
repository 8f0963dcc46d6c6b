from django.urls import path

from microcred.web.organizations import views

app_name = "organizations"

urlpatterns = [
    path("organizations/new/", views.create, name="create"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("o/<slug:org>/", views.overview, name="overview"),
    path("o/<slug:org>/profile/", views.profile, name="settings"),
    path("o/<slug:org>/logo", views.logo, name="logo"),
    path("o/<slug:org>/members/", views.members, name="members"),
    path("o/<slug:org>/members/invite/", views.invite, name="invite"),
    path("o/<slug:org>/members/<int:membership_id>/role/", views.change_role, name="change_role"),
    path(
        "o/<slug:org>/members/<int:membership_id>/remove/",
        views.remove_member,
        name="remove_member",
    ),
    path(
        "o/<slug:org>/invitations/<int:invitation_id>/revoke/",
        views.revoke_invitation,
        name="revoke_invitation",
    ),
]
