variable "name" {
  description = "Prefix of every resource name."
  type        = string
}

variable "aws_region" {
  description = "Region (for the log configuration)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the load balancer and the tasks."
  type        = string
}

variable "public_subnet_ids" {
  description = "Subnets of the internet-facing load balancer (at least two availability zones)."
  type        = list(string)
}

variable "private_subnet_ids" {
  description = "Subnets of the tasks; they need a route to the internet (NAT) for OpenAI, Meta and Telegram."
  type        = list(string)
}

variable "assign_public_ip" {
  description = "Give tasks public IPs (tasks in public subnets without a NAT gateway)."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate for HTTPS on the load balancer; null serves plain HTTP (testing only)."
  type        = string
  default     = null
}

variable "app_url" {
  description = "Public URL of the product (APP_URL), e.g. https://crm.example.com."
  type        = string
}

variable "api_image" {
  description = "API image, built from apps/api/Dockerfile, e.g. <account>.dkr.ecr.<region>.amazonaws.com/agents-crm-api:1.0.0."
  type        = string
}

variable "web_image" {
  description = "Web image, built from apps/web/Dockerfile."
  type        = string
}

variable "api_policy_arn" {
  description = "IAM policy of the API task role (the root module's aws_iam_policy.api)."
  type        = string
}

variable "table_env" {
  description = "DYNAMODB_TABLE_* variables of the tables."
  type        = map(string)
}

variable "api_environment" {
  description = "More API variables (OPENAI_MODEL, REDIS_URL, SEED_DEMO, …); see the README's configuration table."
  type        = map(string)
  default     = {}
}

variable "api_secrets" {
  description = "API variables read from Secrets Manager or SSM at task start, name => secret ARN: at least SECRET_ENCRYPTION_KEY and ADMIN_TOKEN (or ADMIN_EMAIL and ADMIN_PASSWORD); usually OPENAI_API_KEY."
  type        = map(string)
  default     = {}

  validation {
    condition     = contains(keys(var.api_secrets), "SECRET_ENCRYPTION_KEY")
    error_message = "api_secrets must provide SECRET_ENCRYPTION_KEY: production refuses to start without it."
  }
}

variable "web_environment" {
  description = "More web variables."
  type        = map(string)
  default     = {}
}

variable "api_cpu" {
  description = "API task CPU units."
  type        = number
  default     = 512
}

variable "api_memory" {
  description = "API task memory (MiB)."
  type        = number
  default     = 1024
}

variable "api_desired_count" {
  description = "API tasks. More than one needs REDIS_URL so real-time events reach every replica."
  type        = number
  default     = 1
}

variable "web_cpu" {
  description = "Web task CPU units."
  type        = number
  default     = 256
}

variable "web_memory" {
  description = "Web task memory (MiB)."
  type        = number
  default     = 512
}

variable "web_desired_count" {
  description = "Web tasks."
  type        = number
  default     = 1
}

variable "log_retention_days" {
  description = "CloudWatch log retention."
  type        = number
  default     = 30
}
