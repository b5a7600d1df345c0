"""Your handlers: this file is yours; oagen writes it once and never overwrites it.

Override the operations you implement; the others answer 501 Not Implemented.
"""

from __future__ import annotations

from typing import Any

from .base import BaseHandlers


class Handlers(BaseHandlers):
    """The API's implementation."""

    # async def add_custom_attributes(self, **kwargs: Any) -> Any:
    #     """Add Custom Attributes — GET /?Action=AddCustomAttributes"""
    #     return {}

    # async def admin_add_user_to_group(self, **kwargs: Any) -> Any:
    #     """Admin Add User To Group — GET /?Action=AdminAddUserToGroup"""
    #     return {}

    # async def admin_confirm_sign_up(self, **kwargs: Any) -> Any:
    #     """Admin Confirm Sign Up — GET /?Action=AdminConfirmSignUp"""
    #     return {}

    # async def admin_create_user(self, **kwargs: Any) -> Any:
    #     """Admin Create User — GET /?Action=AdminCreateUser"""
    #     return {}

    # async def admin_delete_user(self, **kwargs: Any) -> Any:
    #     """Admin Delete User — GET /?Action=AdminDeleteUser"""
    #     return {}

    # async def admin_delete_user_attributes(self, **kwargs: Any) -> Any:
    #     """Admin Delete User Attributes — GET /?Action=AdminDeleteUserAttributes"""
    #     return {}

    # async def admin_disable_user(self, **kwargs: Any) -> Any:
    #     """Admin Disable User — GET /?Action=AdminDisableUser"""
    #     return {}

    # async def admin_enable_user(self, **kwargs: Any) -> Any:
    #     """Admin Enable User — GET /?Action=AdminEnableUser"""
    #     return {}

    # async def admin_forget_device(self, **kwargs: Any) -> Any:
    #     """Admin Forget Device — GET /?Action=AdminForgetDevice"""
    #     return {}

    # async def admin_get_device(self, **kwargs: Any) -> Any:
    #     """Admin Get Device — GET /?Action=AdminGetDevice"""
    #     return {}

    # async def admin_get_user(self, **kwargs: Any) -> Any:
    #     """Admin Get User — GET /?Action=AdminGetUser"""
    #     return {}

    # async def admin_initiate_auth(self, **kwargs: Any) -> Any:
    #     """Admin Initiate Auth — GET /?Action=AdminInitiateAuth"""
    #     return {}

    # async def admin_list_devices(self, **kwargs: Any) -> Any:
    #     """Admin List Devices — GET /?Action=AdminListDevices"""
    #     return {}

    # async def admin_list_groups_for_user(self, **kwargs: Any) -> Any:
    #     """Admin List Groups For User — GET /?Action=AdminListGroupsForUser"""
    #     return {}

    # async def admin_remove_user_from_group(self, **kwargs: Any) -> Any:
    #     """Admin Remove User From Group — GET /?Action=AdminRemoveUserFromGroup"""
    #     return {}

    # async def admin_reset_user_password(self, **kwargs: Any) -> Any:
    #     """Admin Reset User Password — GET /?Action=AdminResetUserPassword"""
    #     return {}

    # async def admin_respond_to_auth_challenge(self, **kwargs: Any) -> Any:
    #     """Admin Respond To Auth Challenge — GET /?Action=AdminRespondToAuthChallenge"""
    #     return {}

    # async def admin_set_user_settings(self, **kwargs: Any) -> Any:
    #     """Admin Set User Settings — GET /?Action=AdminSetUserSettings"""
    #     return {}

    # async def admin_update_device_status(self, **kwargs: Any) -> Any:
    #     """Admin Update Device Status — GET /?Action=AdminUpdateDeviceStatus"""
    #     return {}

    # async def admin_update_user_attributes(self, **kwargs: Any) -> Any:
    #     """Admin Update User Attributes — GET /?Action=AdminUpdateUserAttributes"""
    #     return {}

    # async def admin_user_global_sign_out(self, **kwargs: Any) -> Any:
    #     """Admin User Global Sign Out — GET /?Action=AdminUserGlobalSignOut"""
    #     return {}

    # async def change_password(self, **kwargs: Any) -> Any:
    #     """Change Password — GET /?Action=ChangePassword"""
    #     return {}

    # async def confirm_device(self, **kwargs: Any) -> Any:
    #     """Confirm Device — GET /?Action=ConfirmDevice"""
    #     return {}

    # async def confirm_forgot_password(self, **kwargs: Any) -> Any:
    #     """Confirm Forgot Password — GET /?Action=ConfirmForgotPassword"""
    #     return {}

    # async def confirm_sign_up(self, **kwargs: Any) -> Any:
    #     """Confirm Sign Up — GET /?Action=ConfirmSignUp"""
    #     return {}

    # async def create_group(self, **kwargs: Any) -> Any:
    #     """Create Group — GET /?Action=CreateGroup"""
    #     return {}

    # async def create_user_import_job(self, **kwargs: Any) -> Any:
    #     """Create User Import Job — GET /?Action=CreateUserImportJob"""
    #     return {}

    # async def create_user_pool(self, **kwargs: Any) -> Any:
    #     """Create User Pool — GET /?Action=CreateUserPool"""
    #     return {}

    # async def create_user_pool_client(self, **kwargs: Any) -> Any:
    #     """Create User Pool Client — GET /?Action=CreateUserPoolClient"""
    #     return {}

    # async def delete_group(self, **kwargs: Any) -> Any:
    #     """Delete Group — GET /?Action=DeleteGroup"""
    #     return {}

    # async def delete_user(self, **kwargs: Any) -> Any:
    #     """Delete User — GET /?Action=DeleteUser"""
    #     return {}

    # async def delete_user_attributes(self, **kwargs: Any) -> Any:
    #     """Delete User Attributes — GET /?Action=DeleteUserAttributes"""
    #     return {}

    # async def delete_user_pool(self, **kwargs: Any) -> Any:
    #     """Delete User Pool — GET /?Action=DeleteUserPool"""
    #     return {}

    # async def delete_user_pool_client(self, **kwargs: Any) -> Any:
    #     """Delete User Pool Client — GET /?Action=DeleteUserPoolClient"""
    #     return {}

    # async def describe_user_import_job(self, **kwargs: Any) -> Any:
    #     """Describe User Import Job — GET /?Action=DescribeUserImportJob"""
    #     return {}

    # async def describe_user_pool(self, **kwargs: Any) -> Any:
    #     """Describe User Pool — GET /?Action=DescribeUserPool"""
    #     return {}

    # async def describe_user_pool_client(self, **kwargs: Any) -> Any:
    #     """Describe User Pool Client — GET /?Action=DescribeUserPoolClient"""
    #     return {}

    # async def forget_device(self, **kwargs: Any) -> Any:
    #     """Forget Device — GET /?Action=ForgetDevice"""
    #     return {}

    # async def forgot_password(self, **kwargs: Any) -> Any:
    #     """Forgot Password — GET /?Action=ForgotPassword"""
    #     return {}

    # async def get_csv_header(self, **kwargs: Any) -> Any:
    #     """Get C S V Header — GET /?Action=GetCSVHeader"""
    #     return {}

    # async def get_device(self, **kwargs: Any) -> Any:
    #     """Get Device — GET /?Action=GetDevice"""
    #     return {}

    # async def get_group(self, **kwargs: Any) -> Any:
    #     """Get Group — GET /?Action=GetGroup"""
    #     return {}

    # async def get_user(self, **kwargs: Any) -> Any:
    #     """Get User — GET /?Action=GetUser"""
    #     return {}

    # async def get_user_attribute_verification_code(self, **kwargs: Any) -> Any:
    #     """Get User Attribute Verification Code — GET /?Action=GetUserAttributeVerificationCode"""
    #     return {}

    # async def global_sign_out(self, **kwargs: Any) -> Any:
    #     """Global Sign Out — GET /?Action=GlobalSignOut"""
    #     return {}

    # async def initiate_auth(self, **kwargs: Any) -> Any:
    #     """Initiate Auth — GET /?Action=InitiateAuth"""
    #     return {}

    # async def list_devices(self, **kwargs: Any) -> Any:
    #     """List Devices — GET /?Action=ListDevices"""
    #     return {}

    # async def list_groups(self, **kwargs: Any) -> Any:
    #     """List Groups — GET /?Action=ListGroups"""
    #     return {}

    # async def list_user_import_jobs(self, **kwargs: Any) -> Any:
    #     """List User Import Jobs — GET /?Action=ListUserImportJobs"""
    #     return {}

    # async def list_user_pool_clients(self, **kwargs: Any) -> Any:
    #     """List User Pool Clients — GET /?Action=ListUserPoolClients"""
    #     return {}

    # async def list_user_pools(self, **kwargs: Any) -> Any:
    #     """List User Pools — GET /?Action=ListUserPools"""
    #     return {}

    # async def list_users(self, **kwargs: Any) -> Any:
    #     """List Users — GET /?Action=ListUsers"""
    #     return {}

    # async def list_users_in_group(self, **kwargs: Any) -> Any:
    #     """List Users In Group — GET /?Action=ListUsersInGroup"""
    #     return {}

    # async def resend_confirmation_code(self, **kwargs: Any) -> Any:
    #     """Resend Confirmation Code — GET /?Action=ResendConfirmationCode"""
    #     return {}

    # async def respond_to_auth_challenge(self, **kwargs: Any) -> Any:
    #     """Respond To Auth Challenge — GET /?Action=RespondToAuthChallenge"""
    #     return {}

    # async def set_user_settings(self, **kwargs: Any) -> Any:
    #     """Set User Settings — GET /?Action=SetUserSettings"""
    #     return {}

    # async def sign_up(self, **kwargs: Any) -> Any:
    #     """Sign Up — GET /?Action=SignUp"""
    #     return {}

    # async def start_user_import_job(self, **kwargs: Any) -> Any:
    #     """Start User Import Job — GET /?Action=StartUserImportJob"""
    #     return {}

    # async def stop_user_import_job(self, **kwargs: Any) -> Any:
    #     """Stop User Import Job — GET /?Action=StopUserImportJob"""
    #     return {}

    # async def update_device_status(self, **kwargs: Any) -> Any:
    #     """Update Device Status — GET /?Action=UpdateDeviceStatus"""
    #     return {}

    # async def update_group(self, **kwargs: Any) -> Any:
    #     """Update Group — GET /?Action=UpdateGroup"""
    #     return {}

    # async def update_user_attributes(self, **kwargs: Any) -> Any:
    #     """Update User Attributes — GET /?Action=UpdateUserAttributes"""
    #     return {}

    # async def update_user_pool(self, **kwargs: Any) -> Any:
    #     """Update User Pool — GET /?Action=UpdateUserPool"""
    #     return {}

    # async def update_user_pool_client(self, **kwargs: Any) -> Any:
    #     """Update User Pool Client — GET /?Action=UpdateUserPoolClient"""
    #     return {}

    # async def verify_user_attribute(self, **kwargs: Any) -> Any:
    #     """Verify User Attribute — GET /?Action=VerifyUserAttribute"""
    #     return {}

    # async def create_identity_pool(self, **kwargs: Any) -> Any:
    #     """Create Identity Pool — GET /?Action=CreateIdentityPool"""
    #     return {}

    # async def delete_identities(self, **kwargs: Any) -> Any:
    #     """Delete Identities — GET /?Action=DeleteIdentities"""
    #     return {}

    # async def delete_identity_pool(self, **kwargs: Any) -> Any:
    #     """Delete Identity Pool — GET /?Action=DeleteIdentityPool"""
    #     return {}

    # async def describe_identity(self, **kwargs: Any) -> Any:
    #     """Describe Identity — GET /?Action=DescribeIdentity"""
    #     return {}

    # async def describe_identity_pool(self, **kwargs: Any) -> Any:
    #     """Describe Identity Pool — GET /?Action=DescribeIdentityPool"""
    #     return {}

    # async def get_credentials_for_identity(self, **kwargs: Any) -> Any:
    #     """Get Credentials For Identity — GET /?Action=GetCredentialsForIdentity"""
    #     return {}

    # async def get_id(self, **kwargs: Any) -> Any:
    #     """Get Id — GET /?Action=GetId"""
    #     return {}

    # async def get_identity_pool_roles(self, **kwargs: Any) -> Any:
    #     """Get Identity Pool Roles — GET /?Action=GetIdentityPoolRoles"""
    #     return {}

    # async def get_open_id_token(self, **kwargs: Any) -> Any:
    #     """Get Open Id Token — GET /?Action=GetOpenIdToken"""
    #     return {}

    # async def get_open_id_token_for_developer_identity(self, **kwargs: Any) -> Any:
    #     """Get Open Id Token For Developer Identity — GET /?Action=GetOpenIdTokenForDeveloperIdentity"""
    #     return {}

    # async def list_identities(self, **kwargs: Any) -> Any:
    #     """List Identities — GET /?Action=ListIdentities"""
    #     return {}

    # async def list_identity_pools(self, **kwargs: Any) -> Any:
    #     """List Identity Pools — GET /?Action=ListIdentityPools"""
    #     return {}

    # async def lookup_developer_identity(self, **kwargs: Any) -> Any:
    #     """Lookup Developer Identity — GET /?Action=LookupDeveloperIdentity"""
    #     return {}

    # async def merge_developer_identities(self, **kwargs: Any) -> Any:
    #     """Merge Developer Identities — GET /?Action=MergeDeveloperIdentities"""
    #     return {}

    # async def set_identity_pool_roles(self, **kwargs: Any) -> Any:
    #     """Set Identity Pool Roles — GET /?Action=SetIdentityPoolRoles"""
    #     return {}

    # async def unlink_developer_identity(self, **kwargs: Any) -> Any:
    #     """Unlink Developer Identity — GET /?Action=UnlinkDeveloperIdentity"""
    #     return {}

    # async def unlink_identity(self, **kwargs: Any) -> Any:
    #     """Unlink Identity — GET /?Action=UnlinkIdentity"""
    #     return {}

    # async def update_identity_pool(self, **kwargs: Any) -> Any:
    #     """Update Identity Pool — GET /?Action=UpdateIdentityPool"""
    #     return {}

    # async def bulk_publish(self, **kwargs: Any) -> Any:
    #     """Bulk Publish — GET /?Action=BulkPublish"""
    #     return {}

    # async def delete_dataset(self, **kwargs: Any) -> Any:
    #     """Delete Dataset — GET /?Action=DeleteDataset"""
    #     return {}

    # async def describe_dataset(self, **kwargs: Any) -> Any:
    #     """Describe Dataset — GET /?Action=DescribeDataset"""
    #     return {}

    # async def describe_identity_pool_usage(self, **kwargs: Any) -> Any:
    #     """Describe Identity Pool Usage — GET /?Action=DescribeIdentityPoolUsage"""
    #     return {}

    # async def describe_identity_usage(self, **kwargs: Any) -> Any:
    #     """Describe Identity Usage — GET /?Action=DescribeIdentityUsage"""
    #     return {}

    # async def get_bulk_publish_details(self, **kwargs: Any) -> Any:
    #     """Get Bulk Publish Details — GET /?Action=GetBulkPublishDetails"""
    #     return {}

    # async def get_cognito_events(self, **kwargs: Any) -> Any:
    #     """Get Cognito Events — GET /?Action=GetCognitoEvents"""
    #     return {}

    # async def get_identity_pool_configuration(self, **kwargs: Any) -> Any:
    #     """Get Identity Pool Configuration — GET /?Action=GetIdentityPoolConfiguration"""
    #     return {}

    # async def list_datasets(self, **kwargs: Any) -> Any:
    #     """List Datasets — GET /?Action=ListDatasets"""
    #     return {}

    # async def list_identity_pool_usage(self, **kwargs: Any) -> Any:
    #     """List Identity Pool Usage — GET /?Action=ListIdentityPoolUsage"""
    #     return {}

    # async def list_records(self, **kwargs: Any) -> Any:
    #     """List Records — GET /?Action=ListRecords"""
    #     return {}

    # async def register_device(self, **kwargs: Any) -> Any:
    #     """Register Device — GET /?Action=RegisterDevice"""
    #     return {}

    # async def set_cognito_events(self, **kwargs: Any) -> Any:
    #     """Set Cognito Events — GET /?Action=SetCognitoEvents"""
    #     return {}

    # async def set_identity_pool_configuration(self, **kwargs: Any) -> Any:
    #     """Set Identity Pool Configuration — GET /?Action=SetIdentityPoolConfiguration"""
    #     return {}

    # async def subscribe_to_dataset(self, **kwargs: Any) -> Any:
    #     """Subscribe To Dataset — GET /?Action=SubscribeToDataset"""
    #     return {}

    # async def unsubscribe_from_dataset(self, **kwargs: Any) -> Any:
    #     """Unsubscribe From Dataset — GET /?Action=UnsubscribeFromDataset"""
    #     return {}

    # async def update_records(self, **kwargs: Any) -> Any:
    #     """Update Records — GET /?Action=UpdateRecords"""
    #     return {}
