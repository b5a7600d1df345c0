"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement (copy a stub below and uncomment it); the others answer
501 Not Implemented, or their mock answer with ``create_app(mock=True)``.
"""

from __future__ import annotations

from typing import Any, Literal

from .. import models as m
from .base import BaseHandlers, Credentials


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def add_custom_attributes(
    #     self,
    #     *,
    #     custom_attributes: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Add Custom Attributes — GET /?Action=AddCustomAttributes"""
    #     return {}

    # async def admin_add_user_to_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Add User To Group — GET /?Action=AdminAddUserToGroup"""
    #     return {}

    # async def admin_confirm_sign_up(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Confirm Sign Up — GET /?Action=AdminConfirmSignUp"""
    #     return {}

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
    # ) -> Any:
    #     """Admin Create User — GET /?Action=AdminCreateUser"""
    #     return {}

    # async def admin_delete_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Delete User — GET /?Action=AdminDeleteUser"""
    #     return {}

    # async def admin_delete_user_attributes(
    #     self,
    #     *,
    #     user_attribute_names: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Delete User Attributes — GET /?Action=AdminDeleteUserAttributes"""
    #     return {}

    # async def admin_disable_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Disable User — GET /?Action=AdminDisableUser"""
    #     return {}

    # async def admin_enable_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Enable User — GET /?Action=AdminEnableUser"""
    #     return {}

    # async def admin_forget_device(
    #     self,
    #     *,
    #     device_key: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Forget Device — GET /?Action=AdminForgetDevice"""
    #     return {}

    # async def admin_get_device(
    #     self,
    #     *,
    #     device_key: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Get Device — GET /?Action=AdminGetDevice"""
    #     return {}

    # async def admin_get_user(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Get User — GET /?Action=AdminGetUser"""
    #     return {}

    # async def admin_initiate_auth(
    #     self,
    #     *,
    #     auth_flow: str | None = None,
    #     auth_parameters: str | None = None,
    #     client_id: str | None = None,
    #     client_metadata: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Initiate Auth — GET /?Action=AdminInitiateAuth"""
    #     return {}

    # async def admin_list_devices(
    #     self,
    #     *,
    #     limit: str | None = None,
    #     pagination_token: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin List Devices — GET /?Action=AdminListDevices"""
    #     return {}

    # async def admin_list_groups_for_user(
    #     self,
    #     *,
    #     limit: str | None = None,
    #     next_token: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin List Groups For User — GET /?Action=AdminListGroupsForUser"""
    #     return {}

    # async def admin_remove_user_from_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Remove User From Group — GET /?Action=AdminRemoveUserFromGroup"""
    #     return {}

    # async def admin_reset_user_password(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Reset User Password — GET /?Action=AdminResetUserPassword"""
    #     return {}

    # async def admin_respond_to_auth_challenge(
    #     self,
    #     *,
    #     challenge_name: str | None = None,
    #     challenge_responses: str | None = None,
    #     client_id: str | None = None,
    #     session: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Respond To Auth Challenge — GET /?Action=AdminRespondToAuthChallenge"""
    #     return {}

    # async def admin_set_user_settings(
    #     self,
    #     *,
    #     mfa_options: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Set User Settings — GET /?Action=AdminSetUserSettings"""
    #     return {}

    # async def admin_update_device_status(
    #     self,
    #     *,
    #     device_key: str | None = None,
    #     device_remembered_status: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Update Device Status — GET /?Action=AdminUpdateDeviceStatus"""
    #     return {}

    # async def admin_update_user_attributes(
    #     self,
    #     *,
    #     user_attributes: str | None = None,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin Update User Attributes — GET /?Action=AdminUpdateUserAttributes"""
    #     return {}

    # async def admin_user_global_sign_out(
    #     self,
    #     *,
    #     username: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Admin User Global Sign Out — GET /?Action=AdminUserGlobalSignOut"""
    #     return {}

    # async def change_password(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     previous_password: str | None = None,
    #     proposed_password: str | None = None,
    # ) -> Any:
    #     """Change Password — GET /?Action=ChangePassword"""
    #     return {}

    # async def confirm_device(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    #     device_name: str | None = None,
    #     device_secret_verifier_config: str | None = None,
    # ) -> Any:
    #     """Confirm Device — GET /?Action=ConfirmDevice"""
    #     return {}

    # async def confirm_forgot_password(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     confirmation_code: str | None = None,
    #     password: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> Any:
    #     """Confirm Forgot Password — GET /?Action=ConfirmForgotPassword"""
    #     return {}

    # async def confirm_sign_up(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     confirmation_code: str | None = None,
    #     force_alias_creation: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> Any:
    #     """Confirm Sign Up — GET /?Action=ConfirmSignUp"""
    #     return {}

    # async def create_group(
    #     self,
    #     *,
    #     description: str | None = None,
    #     group_name: str | None = None,
    #     precedence: str | None = None,
    #     role_arn: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Create Group — GET /?Action=CreateGroup"""
    #     return {}

    # async def create_user_import_job(
    #     self,
    #     *,
    #     cloud_watch_logs_role_arn: str | None = None,
    #     job_name: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Create User Import Job — GET /?Action=CreateUserImportJob"""
    #     return {}

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
    # ) -> Any:
    #     """Create User Pool — GET /?Action=CreateUserPool"""
    #     return {}

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
    # ) -> Any:
    #     """Create User Pool Client — GET /?Action=CreateUserPoolClient"""
    #     return {}

    # async def delete_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Delete Group — GET /?Action=DeleteGroup"""
    #     return {}

    # async def delete_user(
    #     self,
    #     *,
    #     access_token: str | None = None,
    # ) -> Any:
    #     """Delete User — GET /?Action=DeleteUser"""
    #     return {}

    # async def delete_user_attributes(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     user_attribute_names: str | None = None,
    # ) -> Any:
    #     """Delete User Attributes — GET /?Action=DeleteUserAttributes"""
    #     return {}

    # async def delete_user_pool(
    #     self,
    #     *,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Delete User Pool — GET /?Action=DeleteUserPool"""
    #     return {}

    # async def delete_user_pool_client(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Delete User Pool Client — GET /?Action=DeleteUserPoolClient"""
    #     return {}

    # async def describe_user_import_job(
    #     self,
    #     *,
    #     job_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe User Import Job — GET /?Action=DescribeUserImportJob"""
    #     return {}

    # async def describe_user_pool(
    #     self,
    #     *,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe User Pool — GET /?Action=DescribeUserPool"""
    #     return {}

    # async def describe_user_pool_client(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe User Pool Client — GET /?Action=DescribeUserPoolClient"""
    #     return {}

    # async def forget_device(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    # ) -> Any:
    #     """Forget Device — GET /?Action=ForgetDevice"""
    #     return {}

    # async def forgot_password(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> Any:
    #     """Forgot Password — GET /?Action=ForgotPassword"""
    #     return {}

    # async def get_csv_header(
    #     self,
    #     *,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Get C S V Header — GET /?Action=GetCSVHeader"""
    #     return {}

    # async def get_device(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    # ) -> Any:
    #     """Get Device — GET /?Action=GetDevice"""
    #     return {}

    # async def get_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Get Group — GET /?Action=GetGroup"""
    #     return {}

    # async def get_user(
    #     self,
    #     *,
    #     access_token: str | None = None,
    # ) -> Any:
    #     """Get User — GET /?Action=GetUser"""
    #     return {}

    # async def get_user_attribute_verification_code(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     attribute_name: str | None = None,
    # ) -> Any:
    #     """Get User Attribute Verification Code — GET /?Action=GetUserAttributeVerificationCode"""
    #     return {}

    # async def global_sign_out(
    #     self,
    #     *,
    #     access_token: str | None = None,
    # ) -> Any:
    #     """Global Sign Out — GET /?Action=GlobalSignOut"""
    #     return {}

    # async def initiate_auth(
    #     self,
    #     *,
    #     auth_flow: str | None = None,
    #     auth_parameters: str | None = None,
    #     client_id: str | None = None,
    #     client_metadata: str | None = None,
    # ) -> Any:
    #     """Initiate Auth — GET /?Action=InitiateAuth"""
    #     return {}

    # async def list_devices(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     limit: str | None = None,
    #     pagination_token: str | None = None,
    # ) -> Any:
    #     """List Devices — GET /?Action=ListDevices"""
    #     return {}

    # async def list_groups(
    #     self,
    #     *,
    #     limit: str | None = None,
    #     next_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """List Groups — GET /?Action=ListGroups"""
    #     return {}

    # async def list_user_import_jobs(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     pagination_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """List User Import Jobs — GET /?Action=ListUserImportJobs"""
    #     return {}

    # async def list_user_pool_clients(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """List User Pool Clients — GET /?Action=ListUserPoolClients"""
    #     return {}

    # async def list_user_pools(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> Any:
    #     """List User Pools — GET /?Action=ListUserPools"""
    #     return {}

    # async def list_users(
    #     self,
    #     *,
    #     attributes_to_get: str | None = None,
    #     filter_: str | None = None,
    #     limit: str | None = None,
    #     pagination_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """List Users — GET /?Action=ListUsers"""
    #     return {}

    # async def list_users_in_group(
    #     self,
    #     *,
    #     group_name: str | None = None,
    #     limit: str | None = None,
    #     next_token: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """List Users In Group — GET /?Action=ListUsersInGroup"""
    #     return {}

    # async def resend_confirmation_code(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     secret_hash: str | None = None,
    #     username: str | None = None,
    # ) -> Any:
    #     """Resend Confirmation Code — GET /?Action=ResendConfirmationCode"""
    #     return {}

    # async def respond_to_auth_challenge(
    #     self,
    #     *,
    #     challenge_name: str | None = None,
    #     challenge_responses: str | None = None,
    #     client_id: str | None = None,
    #     session: str | None = None,
    # ) -> Any:
    #     """Respond To Auth Challenge — GET /?Action=RespondToAuthChallenge"""
    #     return {}

    # async def set_user_settings(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     mfa_options: str | None = None,
    # ) -> Any:
    #     """Set User Settings — GET /?Action=SetUserSettings"""
    #     return {}

    # async def sign_up(
    #     self,
    #     *,
    #     client_id: str | None = None,
    #     password: str | None = None,
    #     secret_hash: str | None = None,
    #     user_attributes: str | None = None,
    #     username: str | None = None,
    #     validation_data: str | None = None,
    # ) -> Any:
    #     """Sign Up — GET /?Action=SignUp"""
    #     return {}

    # async def start_user_import_job(
    #     self,
    #     *,
    #     job_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Start User Import Job — GET /?Action=StartUserImportJob"""
    #     return {}

    # async def stop_user_import_job(
    #     self,
    #     *,
    #     job_id: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Stop User Import Job — GET /?Action=StopUserImportJob"""
    #     return {}

    # async def update_device_status(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     device_key: str | None = None,
    #     device_remembered_status: str | None = None,
    # ) -> Any:
    #     """Update Device Status — GET /?Action=UpdateDeviceStatus"""
    #     return {}

    # async def update_group(
    #     self,
    #     *,
    #     description: str | None = None,
    #     group_name: str | None = None,
    #     precedence: str | None = None,
    #     role_arn: str | None = None,
    #     user_pool_id: str | None = None,
    # ) -> Any:
    #     """Update Group — GET /?Action=UpdateGroup"""
    #     return {}

    # async def update_user_attributes(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     user_attributes: str | None = None,
    # ) -> Any:
    #     """Update User Attributes — GET /?Action=UpdateUserAttributes"""
    #     return {}

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
    # ) -> Any:
    #     """Update User Pool — GET /?Action=UpdateUserPool"""
    #     return {}

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
    # ) -> Any:
    #     """Update User Pool Client — GET /?Action=UpdateUserPoolClient"""
    #     return {}

    # async def verify_user_attribute(
    #     self,
    #     *,
    #     access_token: str | None = None,
    #     attribute_name: str | None = None,
    #     code: str | None = None,
    # ) -> Any:
    #     """Verify User Attribute — GET /?Action=VerifyUserAttribute"""
    #     return {}

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
    # ) -> Any:
    #     """Create Identity Pool — GET /?Action=CreateIdentityPool"""
    #     return {}

    # async def delete_identities(
    #     self,
    #     *,
    #     identity_ids_to_delete: str | None = None,
    # ) -> Any:
    #     """Delete Identities — GET /?Action=DeleteIdentities"""
    #     return {}

    # async def delete_identity_pool(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Delete Identity Pool — GET /?Action=DeleteIdentityPool"""
    #     return {}

    # async def describe_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    # ) -> Any:
    #     """Describe Identity — GET /?Action=DescribeIdentity"""
    #     return {}

    # async def describe_identity_pool(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe Identity Pool — GET /?Action=DescribeIdentityPool"""
    #     return {}

    # async def get_credentials_for_identity(
    #     self,
    #     *,
    #     custom_role_arn: str | None = None,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    # ) -> Any:
    #     """Get Credentials For Identity — GET /?Action=GetCredentialsForIdentity"""
    #     return {}

    # async def get_id(
    #     self,
    #     *,
    #     account_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     logins: str | None = None,
    # ) -> Any:
    #     """Get Id — GET /?Action=GetId"""
    #     return {}

    # async def get_identity_pool_roles(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Get Identity Pool Roles — GET /?Action=GetIdentityPoolRoles"""
    #     return {}

    # async def get_open_id_token(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    # ) -> Any:
    #     """Get Open Id Token — GET /?Action=GetOpenIdToken"""
    #     return {}

    # async def get_open_id_token_for_developer_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     logins: str | None = None,
    #     token_duration: str | None = None,
    # ) -> Any:
    #     """Get Open Id Token For Developer Identity — GET /?Action=GetOpenIdTokenForDeveloperIdentity"""
    #     return {}

    # async def list_identities(
    #     self,
    #     *,
    #     hide_disabled: str | None = None,
    #     identity_pool_id: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> Any:
    #     """List Identities — GET /?Action=ListIdentities"""
    #     return {}

    # async def list_identity_pools(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> Any:
    #     """List Identity Pools — GET /?Action=ListIdentityPools"""
    #     return {}

    # async def lookup_developer_identity(
    #     self,
    #     *,
    #     developer_user_identifier: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> Any:
    #     """Lookup Developer Identity — GET /?Action=LookupDeveloperIdentity"""
    #     return {}

    # async def merge_developer_identities(
    #     self,
    #     *,
    #     destination_user_identifier: str | None = None,
    #     developer_provider_name: str | None = None,
    #     identity_pool_id: str | None = None,
    #     source_user_identifier: str | None = None,
    # ) -> Any:
    #     """Merge Developer Identities — GET /?Action=MergeDeveloperIdentities"""
    #     return {}

    # async def set_identity_pool_roles(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    #     role_mappings: str | None = None,
    #     roles: str | None = None,
    # ) -> Any:
    #     """Set Identity Pool Roles — GET /?Action=SetIdentityPoolRoles"""
    #     return {}

    # async def unlink_developer_identity(
    #     self,
    #     *,
    #     developer_provider_name: str | None = None,
    #     developer_user_identifier: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Unlink Developer Identity — GET /?Action=UnlinkDeveloperIdentity"""
    #     return {}

    # async def unlink_identity(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     logins: str | None = None,
    #     logins_to_remove: str | None = None,
    # ) -> Any:
    #     """Unlink Identity — GET /?Action=UnlinkIdentity"""
    #     return {}

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
    # ) -> Any:
    #     """Update Identity Pool — GET /?Action=UpdateIdentityPool"""
    #     return {}

    # async def bulk_publish(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Bulk Publish — GET /?Action=BulkPublish"""
    #     return {}

    # async def delete_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Delete Dataset — GET /?Action=DeleteDataset"""
    #     return {}

    # async def describe_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe Dataset — GET /?Action=DescribeDataset"""
    #     return {}

    # async def describe_identity_pool_usage(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe Identity Pool Usage — GET /?Action=DescribeIdentityPoolUsage"""
    #     return {}

    # async def describe_identity_usage(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Describe Identity Usage — GET /?Action=DescribeIdentityUsage"""
    #     return {}

    # async def get_bulk_publish_details(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Get Bulk Publish Details — GET /?Action=GetBulkPublishDetails"""
    #     return {}

    # async def get_cognito_events(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Get Cognito Events — GET /?Action=GetCognitoEvents"""
    #     return {}

    # async def get_identity_pool_configuration(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Get Identity Pool Configuration — GET /?Action=GetIdentityPoolConfiguration"""
    #     return {}

    # async def list_datasets(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> Any:
    #     """List Datasets — GET /?Action=ListDatasets"""
    #     return {}

    # async def list_identity_pool_usage(
    #     self,
    #     *,
    #     max_results: str | None = None,
    #     next_token: str | None = None,
    # ) -> Any:
    #     """List Identity Pool Usage — GET /?Action=ListIdentityPoolUsage"""
    #     return {}

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
    # ) -> Any:
    #     """List Records — GET /?Action=ListRecords"""
    #     return {}

    # async def register_device(
    #     self,
    #     *,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Register Device — GET /?Action=RegisterDevice"""
    #     return {}

    # async def set_cognito_events(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Set Cognito Events — GET /?Action=SetCognitoEvents"""
    #     return {}

    # async def set_identity_pool_configuration(
    #     self,
    #     *,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Set Identity Pool Configuration — GET /?Action=SetIdentityPoolConfiguration"""
    #     return {}

    # async def subscribe_to_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     device_id: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Subscribe To Dataset — GET /?Action=SubscribeToDataset"""
    #     return {}

    # async def unsubscribe_from_dataset(
    #     self,
    #     *,
    #     dataset_name: str | None = None,
    #     device_id: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Unsubscribe From Dataset — GET /?Action=UnsubscribeFromDataset"""
    #     return {}

    # async def update_records(
    #     self,
    #     *,
    #     client_context: str | None = None,
    #     dataset_name: str | None = None,
    #     identity_id: str | None = None,
    #     identity_pool_id: str | None = None,
    # ) -> Any:
    #     """Update Records — GET /?Action=UpdateRecords"""
    #     return {}
