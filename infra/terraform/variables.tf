variable "aws_region" {
  description = "Region of the tables (the API's AWS_REGION)."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Prefix for the IAM policies and, with the ECS runtime, its cluster, services and load balancer."
  type        = string
  default     = "agents-crm"
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default     = {}
}

variable "point_in_time_recovery" {
  description = "Continuous backups (restore to any second of the last 35 days) on every table."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Refuse DeleteTable on every table until this is turned off."
  type        = bool
  default     = true
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for the tables; null keeps DynamoDB's AWS-owned key."
  type        = string
  default     = null
}

variable "api_auto_provision" {
  description = "Grant the API CreateTable / UpdateTable / TTL calls, for DYNAMODB_AUTO_PROVISION=true. Off: Terraform owns the schema."
  type        = bool
  default     = false
}

variable "openai_key_secret_name" {
  description = "Secrets Manager secret holding the OpenAI key (SECRETS_MANAGER_OPENAI_KEY_NAME), readable by the API; null when OPENAI_API_KEY is passed directly."
  type        = string
  default     = null
}

variable "files_bucket_name" {
  description = "S3 bucket for files (customers' media, attachments, knowledge documents): the API's S3_BUCKET_NAME. null names it \"<name>-files-<account id>\"."
  type        = string
  default     = null
}

variable "files_force_destroy" {
  description = "Let `terraform destroy` delete the files bucket with the files in it. Off: a bucket holding files is never destroyed by accident."
  type        = bool
  default     = false
}
