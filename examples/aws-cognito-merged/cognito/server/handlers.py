"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``. A handler returns what
its operation declares: the success body (a model), an answer class for another declared status
(``return NotFound(m.Error(...))``), or a ``fastapi.Response``; mypy checks it against the spec.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Response

from .. import models as m
from .base import (
    Ok,
    BaseHandlers,
    Credentials,
)


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def add_custom_attributes(
    #     self,
    #     *,
    #     custom_attributes: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Add Custom Attributes — GET /?Action=AddCustomAttributes"""
    #     raise NotImplementedError

    # async def admin_add_user_to_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Add User To Group — GET /?Action=AdminAddUserToGroup"""
    #     raise NotImplementedError

    # async def admin_confirm_sign_up(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Confirm Sign Up — GET /?Action=AdminConfirmSignUp"""
    #     raise NotImplementedError

    # async def admin_create_user(
    #     self,
    #     *,
    #     desired_delivery_mediums: str | None = None,
    #     force_alias_creation: str | None = None,
    #     message_action: str | None = None,
    #     temporary_password: str | None = None,
    #     user_attributes: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    #     validation_data: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Create User — GET /?Action=AdminCreateUser"""
    #     raise NotImplementedError

    # async def admin_delete_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Delete User — GET /?Action=AdminDeleteUser"""
    #     raise NotImplementedError

    # async def admin_delete_user_attributes(
    #     self,
    #     *,
    #     user_attribute_names: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Delete User Attributes — GET /?Action=AdminDeleteUserAttributes"""
    #     raise NotImplementedError

    # async def admin_disable_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Disable User — GET /?Action=AdminDisableUser"""
    #     raise NotImplementedError

    # async def admin_enable_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Enable User — GET /?Action=AdminEnableUser"""
    #     raise NotImplementedError

    # async def admin_forget_device(
    #     self,
    #     *,
    #     device_key: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Forget Device — GET /?Action=AdminForgetDevice"""
    #     raise NotImplementedError

    # async def admin_get_device(
    #     self,
    #     *,
    #     device_key: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Get Device — GET /?Action=AdminGetDevice"""
    #     raise NotImplementedError

    # async def admin_get_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Get User — GET /?Action=AdminGetUser"""
    #     raise NotImplementedError

    # async def admin_initiate_auth(
    #     self,
    #     *,
    #     auth_flow: str | None = None,
    #     auth_parameters: str | None = None,
    #     client_id: str | None = None,
    #     client_metadata: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Initiate Auth — GET /?Action=AdminInitiateAuth"""
    #     raise NotImplementedError

    # async def admin_list_devices(
    #     self,
    #     *,
    #     limit: str | None = None,
    #     pagination_token: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin List Devices — GET /?Action=AdminListDevices"""
    #     raise NotImplementedError

    # async def admin_list_groups_for_user(
    #     self,
    #     *,
    #     limit: str | None = None,
    #     next_token: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin List Groups For User — GET /?Action=AdminListGroupsForUser"""
    #     raise NotImplementedError

    # async def admin_remove_user_from_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Remove User From Group — GET /?Action=AdminRemoveUserFromGroup"""
    #     raise NotImplementedError

    # async def admin_reset_user_password(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Reset User Password — GET /?Action=AdminResetUserPassword"""
    #     raise NotImplementedError

    # async def admin_respond_to_auth_challenge(
    #     self,
    #     *,
    #     challenge_name: str | None = None,
    #     challenge_responses: str | None = None,
    #     client_id: str | None = None,
    #     session: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Respond To Auth Challenge — GET /?Action=AdminRespondToAuthChallenge"""
    #     raise NotImplementedError

    # async def admin_set_user_settings(
    #     self,
    #     *,
    #     mfa_options: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Set User Settings — GET /?Action=AdminSetUserSettings"""
    #     raise NotImplementedError

    # async def admin_update_device_status(
    #     self,
    #     *,
    #     device_key: str | None = None,
    #     device_remembered_status: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Update Device Status — GET /?Action=AdminUpdateDeviceStatus"""
    #     raise NotImplementedError

    # async def admin_update_user_attributes(
    #     self,
    #     *,
    #     user_attributes: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin Update User Attributes — GET /?Action=AdminUpdateUserAttributes"""
    #     raise NotImplementedError

    # async def admin_user_global_sign_out(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Admin User Global Sign Out — GET /?Action=AdminUserGlobalSignOut"""
    #     raise NotImplementedError

    # async def change_password(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     previous_password: str | None = None,
    #     proposed_password: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Change Password — GET /?Action=ChangePassword"""
    #     raise NotImplementedError

    # async def confirm_device(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    #     device_name: str | None = None,
    #     device_secret_verifier_config: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Confirm Device — GET /?Action=ConfirmDevice"""
    #     raise NotImplementedError

    # async def confirm_forgot_password(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     confirmation_code: str | None = None,
    #     password: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Confirm Forgot Password — GET /?Action=ConfirmForgotPassword"""
    #     raise NotImplementedError

    # async def confirm_sign_up(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     confirmation_code: str | None = None,
    #     force_alias_creation: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Confirm Sign Up — GET /?Action=ConfirmSignUp"""
    #     raise NotImplementedError

    # async def create_group(
    #     self,
    #     *,
    #     description: str | None = None,
    #     group_name: str | None = None,
    #     precedence: str | None = None,
    #     role_arn: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Create Group — GET /?Action=CreateGroup"""
    #     raise NotImplementedError

    # async def create_user_import_job(
    #     self,
    #     *,
    #     cloud_watch_logs_role_arn: str | None = None,
    #     job_name: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Create User Import Job — GET /?Action=CreateUserImportJob"""
    #     raise NotImplementedError

    # async def create_user_pool(
    #     self,
    #     *,
    #     admin_create_user_config: str | None = None,
    #     alias_attributes: str | None = None,
    #     auto_verified_attributes: str | None = None,
    #     device_configuration: str | None = None,
    #     email_configuration: str | None = None,
    #     email_verification_message: str | None = None,
    #     email_verification_subject: str | None = None,
    #     lambda_config: str | None = None,
    #     mfa_configuration: str | None = None,
    #     policies: str | None = None,
    #     pool_name: str | None = None,
    #     schema: str | None = None,
    #     sms_authentication_message: str | None = None,
    #     sms_configuration: str | None = None,
    #     sms_verification_message: str | None = None,
    #     user_pool_tags: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Create User Pool — GET /?Action=CreateUserPool"""
    #     raise NotImplementedError

    # async def create_user_pool_client(
    #     self,
    #     *,
    #     client_name: str | None = None,
    #     explicit_auth_flows: str | None = None,
    #     generate_secret: str | None = None,
    #     read_attributes: str | None = None,
    #     refresh_token_validity: str | None = None,
    #     user_pool_id: str | None = None,
    #     write_attributes: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Create User Pool Client — GET /?Action=CreateUserPoolClient"""
    #     raise NotImplementedError

    # async def delete_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete Group — GET /?Action=DeleteGroup"""
    #     raise NotImplementedError

    # async def delete_user(
    #     self,
    #     *,
    #     access_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete User — GET /?Action=DeleteUser"""
    #     raise NotImplementedError

    # async def delete_user_attributes(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     user_attribute_names: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete User Attributes — GET /?Action=DeleteUserAttributes"""
    #     raise NotImplementedError

    # async def delete_user_pool(
    #     self,
    #     *,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete User Pool — GET /?Action=DeleteUserPool"""
    #     raise NotImplementedError

    # async def delete_user_pool_client(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete User Pool Client — GET /?Action=DeleteUserPoolClient"""
    #     raise NotImplementedError

    # async def describe_user_import_job(
    #     self,
    #     *,
    #     job_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe User Import Job — GET /?Action=DescribeUserImportJob"""
    #     raise NotImplementedError

    # async def describe_user_pool(
    #     self,
    #     *,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe User Pool — GET /?Action=DescribeUserPool"""
    #     raise NotImplementedError

    # async def describe_user_pool_client(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe User Pool Client — GET /?Action=DescribeUserPoolClient"""
    #     raise NotImplementedError

    # async def forget_device(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Forget Device — GET /?Action=ForgetDevice"""
    #     raise NotImplementedError

    # async def forgot_password(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Forgot Password — GET /?Action=ForgotPassword"""
    #     raise NotImplementedError

    # async def get_csv_header(
    #     self,
    #     *,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get C S V Header — GET /?Action=GetCSVHeader"""
    #     raise NotImplementedError

    # async def get_device(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Device — GET /?Action=GetDevice"""
    #     raise NotImplementedError

    # async def get_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Group — GET /?Action=GetGroup"""
    #     raise NotImplementedError

    # async def get_user(
    #     self,
    #     *,
    #     access_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get User — GET /?Action=GetUser"""
    #     raise NotImplementedError

    # async def get_user_attribute_verification_code(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     attribute_name: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get User Attribute Verification Code — GET /?Action=GetUserAttributeVerificationCode"""
    #     raise NotImplementedError

    # async def global_sign_out(
    #     self,
    #     *,
    #     access_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Global Sign Out — GET /?Action=GlobalSignOut"""
    #     raise NotImplementedError

    # async def initiate_auth(
    #     self,
    #     *,
    #     auth_flow: str | None = None,
    #     auth_parameters: str | None = None,
    #     client_id: str | None = None,
    #     client_metadata: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Initiate Auth — GET /?Action=InitiateAuth"""
    #     raise NotImplementedError

    # async def list_devices(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     limit: str | None = None,
    #     pagination_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Devices — GET /?Action=ListDevices"""
    #     raise NotImplementedError

    # async def list_groups(
    #     self,
    #     *,
    #     limit: str | None = None,
    #     next_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Groups — GET /?Action=ListGroups"""
    #     raise NotImplementedError

    # async def list_user_import_jobs(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     pagination_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List User Import Jobs — GET /?Action=ListUserImportJobs"""
    #     raise NotImplementedError

    # async def list_user_pool_clients(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List User Pool Clients — GET /?Action=ListUserPoolClients"""
    #     raise NotImplementedError

    # async def list_user_pools(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List User Pools — GET /?Action=ListUserPools"""
    #     raise NotImplementedError

    # async def list_users(
    #     self,
    #     *,
    #     attributes_to_get: str | None = None,
    #     filter_: str | None = None,
    #     limit: str | None = None,
    #     pagination_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Users — GET /?Action=ListUsers"""
    #     raise NotImplementedError

    # async def list_users_in_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     limit: str | None = None,
    #     next_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Users In Group — GET /?Action=ListUsersInGroup"""
    #     raise NotImplementedError

    # async def resend_confirmation_code(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Resend Confirmation Code — GET /?Action=ResendConfirmationCode"""
    #     raise NotImplementedError

    # async def respond_to_auth_challenge(
    #     self,
    #     *,
    #     challenge_name: str | None = None,
    #     challenge_responses: str | None = None,
    #     client_id: str | None = None,
    #     session: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Respond To Auth Challenge — GET /?Action=RespondToAuthChallenge"""
    #     raise NotImplementedError

    # async def set_user_settings(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     mfa_options: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Set User Settings — GET /?Action=SetUserSettings"""
    #     raise NotImplementedError

    # async def sign_up(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     password: str | None = None,
    #     secret_hash: str | None = None,
    #     user_attributes: str | None = None,
    #     username: str | None = None,
    #     validation_data: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Sign Up — GET /?Action=SignUp"""
    #     raise NotImplementedError

    # async def start_user_import_job(
    #     self,
    #     *,
    #     job_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Start User Import Job — GET /?Action=StartUserImportJob"""
    #     raise NotImplementedError

    # async def stop_user_import_job(
    #     self,
    #     *,
    #     job_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Stop User Import Job — GET /?Action=StopUserImportJob"""
    #     raise NotImplementedError

    # async def update_device_status(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    #     device_remembered_status: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update Device Status — GET /?Action=UpdateDeviceStatus"""
    #     raise NotImplementedError

    # async def update_group(
    #     self,
    #     *,
    #     description: str | None = None,
    #     group_name: str | None = None,
    #     precedence: str | None = None,
    #     role_arn: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update Group — GET /?Action=UpdateGroup"""
    #     raise NotImplementedError

    # async def update_user_attributes(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     user_attributes: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update User Attributes — GET /?Action=UpdateUserAttributes"""
    #     raise NotImplementedError

    # async def update_user_pool(
    #     self,
    #     *,
    #     admin_create_user_config: str | None = None,
    #     auto_verified_attributes: str | None = None,
    #     device_configuration: str | None = None,
    #     email_configuration: str | None = None,
    #     email_verification_message: str | None = None,
    #     email_verification_subject: str | None = None,
    #     lambda_config: str | None = None,
    #     mfa_configuration: str | None = None,
    #     policies: str | None = None,
    #     sms_authentication_message: str | None = None,
    #     sms_configuration: str | None = None,
    #     sms_verification_message: str | None = None,
    #     user_pool_id: str | None = None,
    #     user_pool_tags: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update User Pool — GET /?Action=UpdateUserPool"""
    #     raise NotImplementedError

    # async def update_user_pool_client(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     client_name: str | None = None,
    #     explicit_auth_flows: str | None = None,
    #     read_attributes: str | None = None,
    #     refresh_token_validity: str | None = None,
    #     user_pool_id: str | None = None,
    #     write_attributes: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update User Pool Client — GET /?Action=UpdateUserPoolClient"""
    #     raise NotImplementedError

    # async def verify_user_attribute(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     attribute_name: str | None = None,
    #     code: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Verify User Attribute — GET /?Action=VerifyUserAttribute"""
    #     raise NotImplementedError

    # async def create_identity_pool(
    #     self,
    #     *,
    #     allow_unauthenticated_identities: str | None = None,
    #     cognito_identity_providers: str | None = None,
    #     developer_provider_name: str | None = None,
    #     identity_pool_name: str | None = None,
    #     open_id_connect_provider_ar_ns: str | None = None,
    #     saml_provider_ar_ns: str | None = None,
    #     supported_login_providers: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Create Identity Pool — GET /?Action=CreateIdentityPool"""
    #     raise NotImplementedError

    # async def delete_identities(
    #     self,
    #     *,
    #     identity_ids_to_delete: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete Identities — GET /?Action=DeleteIdentities"""
    #     raise NotImplementedError

    # async def delete_identity_pool(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete Identity Pool — GET /?Action=DeleteIdentityPool"""
    #     raise NotImplementedError

    # async def describe_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe Identity — GET /?Action=DescribeIdentity"""
    #     raise NotImplementedError

    # async def describe_identity_pool(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe Identity Pool — GET /?Action=DescribeIdentityPool"""
    #     raise NotImplementedError

    # async def get_credentials_for_identity(
    #     self,
    #     *,
    #     custom_role_arn: str | None = None,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Credentials For Identity — GET /?Action=GetCredentialsForIdentity"""
    #     raise NotImplementedError

    # async def get_id(
    #     self,
    #     *,
    #     account_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     logins: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Id — GET /?Action=GetId"""
    #     raise NotImplementedError

    # async def get_identity_pool_roles(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Identity Pool Roles — GET /?Action=GetIdentityPoolRoles"""
    #     raise NotImplementedError

    # async def get_open_id_token(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Open Id Token — GET /?Action=GetOpenIdToken"""
    #     raise NotImplementedError

    # async def get_open_id_token_for_developer_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     logins: str | None = None,
    #     token_duration: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Open Id Token For Developer Identity — GET /?Action=GetOpenIdTokenForDeveloperIdentity"""
    #     raise NotImplementedError

    # async def list_identities(
    #     self,
    #     *,
    #     hide_disabled: str | None = None,
    #     identity_pool_id: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Identities — GET /?Action=ListIdentities"""
    #     raise NotImplementedError

    # async def list_identity_pools(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Identity Pools — GET /?Action=ListIdentityPools"""
    #     raise NotImplementedError

    # async def lookup_developer_identity(
    #     self,
    #     *,
    #     developer_user_identifier: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Lookup Developer Identity — GET /?Action=LookupDeveloperIdentity"""
    #     raise NotImplementedError

    # async def merge_developer_identities(
    #     self,
    #     *,
    #     destination_user_identifier: str | None = None,
    #     developer_provider_name: str | None = None,
    #     identity_pool_id: str | None = None,
    #     source_user_identifier: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Merge Developer Identities — GET /?Action=MergeDeveloperIdentities"""
    #     raise NotImplementedError

    # async def set_identity_pool_roles(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    #     role_mappings: str | None = None,
    #     roles: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Set Identity Pool Roles — GET /?Action=SetIdentityPoolRoles"""
    #     raise NotImplementedError

    # async def unlink_developer_identity(
    #     self,
    #     *,
    #     developer_provider_name: str | None = None,
    #     developer_user_identifier: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Unlink Developer Identity — GET /?Action=UnlinkDeveloperIdentity"""
    #     raise NotImplementedError

    # async def unlink_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    #     logins_to_remove: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Unlink Identity — GET /?Action=UnlinkIdentity"""
    #     raise NotImplementedError

    # async def update_identity_pool(
    #     self,
    #     *,
    #     allow_unauthenticated_identities: str | None = None,
    #     cognito_identity_providers: str | None = None,
    #     developer_provider_name: str | None = None,
    #     identity_pool_id: str | None = None,
    #     identity_pool_name: str | None = None,
    #     open_id_connect_provider_ar_ns: str | None = None,
    #     saml_provider_ar_ns: str | None = None,
    #     supported_login_providers: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update Identity Pool — GET /?Action=UpdateIdentityPool"""
    #     raise NotImplementedError

    # async def bulk_publish(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Bulk Publish — GET /?Action=BulkPublish"""
    #     raise NotImplementedError

    # async def delete_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Delete Dataset — GET /?Action=DeleteDataset"""
    #     raise NotImplementedError

    # async def describe_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe Dataset — GET /?Action=DescribeDataset"""
    #     raise NotImplementedError

    # async def describe_identity_pool_usage(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe Identity Pool Usage — GET /?Action=DescribeIdentityPoolUsage"""
    #     raise NotImplementedError

    # async def describe_identity_usage(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Describe Identity Usage — GET /?Action=DescribeIdentityUsage"""
    #     raise NotImplementedError

    # async def get_bulk_publish_details(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Bulk Publish Details — GET /?Action=GetBulkPublishDetails"""
    #     raise NotImplementedError

    # async def get_cognito_events(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Cognito Events — GET /?Action=GetCognitoEvents"""
    #     raise NotImplementedError

    # async def get_identity_pool_configuration(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Get Identity Pool Configuration — GET /?Action=GetIdentityPoolConfiguration"""
    #     raise NotImplementedError

    # async def list_datasets(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Datasets — GET /?Action=ListDatasets"""
    #     raise NotImplementedError

    # async def list_identity_pool_usage(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Identity Pool Usage — GET /?Action=ListIdentityPoolUsage"""
    #     raise NotImplementedError

    # async def list_records(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     last_sync_count: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    #     sync_session_token: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """List Records — GET /?Action=ListRecords"""
    #     raise NotImplementedError

    # async def register_device(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Register Device — GET /?Action=RegisterDevice"""
    #     raise NotImplementedError

    # async def set_cognito_events(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Set Cognito Events — GET /?Action=SetCognitoEvents"""
    #     raise NotImplementedError

    # async def set_identity_pool_configuration(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Set Identity Pool Configuration — GET /?Action=SetIdentityPoolConfiguration"""
    #     raise NotImplementedError

    # async def subscribe_to_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     device_id: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Subscribe To Dataset — GET /?Action=SubscribeToDataset"""
    #     raise NotImplementedError

    # async def unsubscribe_from_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     device_id: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Unsubscribe From Dataset — GET /?Action=UnsubscribeFromDataset"""
    #     raise NotImplementedError

    # async def update_records(
    #     self,
    #     *,
    #     client_context: str | None = None,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> None | Ok[None] | Response:
    #     """Update Records — GET /?Action=UpdateRecords"""
    #     raise NotImplementedError
