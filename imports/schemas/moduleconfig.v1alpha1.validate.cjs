// Generated file, do not edit: the ajv validator of moduleconfig.v1alpha1.json (ajv standalone code), written
// with the JSON schemas of this directory by the generator validators.ts names.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"type":"object","required":["spec"],"properties":{"apiVersion":{"type":"string"},"kind":{"type":"string"},"metadata":{"type":"object"},"spec":{"type":"object","properties":{"enabled":{"type":"boolean"},"maintenance":{"type":"string","enum":["NoResourceReconciliation"]},"version":{"type":"number"},"settings":{"type":"object"},"updatePolicy":{"type":"string"},"source":{"type":"string"}},"additionalProperties":false},"status":{"type":"object","properties":{"version":{"type":"string"},"message":{"type":"string"}},"additionalProperties":false}},"additionalProperties":false};

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.spec === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "spec"},message:"must have required property '"+"spec"+"'",schema:schema11.required,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "apiVersion") || (key0 === "kind")) || (key0 === "metadata")) || (key0 === "spec")) || (key0 === "status"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.apiVersion !== undefined){
let data0 = data.apiVersion;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/apiVersion",schemaPath:"#/properties/apiVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiVersion.type,parentSchema:schema11.properties.apiVersion,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.kind.type,parentSchema:schema11.properties.kind,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.metadata !== undefined){
let data2 = data.metadata;
if(!(data2 && typeof data2 == "object" && !Array.isArray(data2))){
const err4 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.metadata.type,parentSchema:schema11.properties.metadata,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.spec !== undefined){
let data3 = data.spec;
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
for(const key1 in data3){
if(!((((((key1 === "enabled") || (key1 === "maintenance")) || (key1 === "version")) || (key1 === "settings")) || (key1 === "updatePolicy")) || (key1 === "source"))){
const err5 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data3.enabled !== undefined){
let data4 = data3.enabled;
if(typeof data4 !== "boolean"){
const err6 = {instancePath:instancePath+"/spec/enabled",schemaPath:"#/properties/spec/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.spec.properties.enabled.type,parentSchema:schema11.properties.spec.properties.enabled,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data3.maintenance !== undefined){
let data5 = data3.maintenance;
if(typeof data5 !== "string"){
const err7 = {instancePath:instancePath+"/spec/maintenance",schemaPath:"#/properties/spec/properties/maintenance/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.maintenance.type,parentSchema:schema11.properties.spec.properties.maintenance,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(data5 === "NoResourceReconciliation")){
const err8 = {instancePath:instancePath+"/spec/maintenance",schemaPath:"#/properties/spec/properties/maintenance/enum",keyword:"enum",params:{allowedValues: schema11.properties.spec.properties.maintenance.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.spec.properties.maintenance.enum,parentSchema:schema11.properties.spec.properties.maintenance,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data3.version !== undefined){
let data6 = data3.version;
if(!(typeof data6 == "number")){
const err9 = {instancePath:instancePath+"/spec/version",schemaPath:"#/properties/spec/properties/version/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.spec.properties.version.type,parentSchema:schema11.properties.spec.properties.version,data:data6};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data3.settings !== undefined){
let data7 = data3.settings;
if(!(data7 && typeof data7 == "object" && !Array.isArray(data7))){
const err10 = {instancePath:instancePath+"/spec/settings",schemaPath:"#/properties/spec/properties/settings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.properties.settings.type,parentSchema:schema11.properties.spec.properties.settings,data:data7};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data3.updatePolicy !== undefined){
let data8 = data3.updatePolicy;
if(typeof data8 !== "string"){
const err11 = {instancePath:instancePath+"/spec/updatePolicy",schemaPath:"#/properties/spec/properties/updatePolicy/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.updatePolicy.type,parentSchema:schema11.properties.spec.properties.updatePolicy,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data3.source !== undefined){
let data9 = data3.source;
if(typeof data9 !== "string"){
const err12 = {instancePath:instancePath+"/spec/source",schemaPath:"#/properties/spec/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.spec.properties.source.type,parentSchema:schema11.properties.spec.properties.source,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/spec",schemaPath:"#/properties/spec/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.spec.type,parentSchema:schema11.properties.spec,data:data3};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.status !== undefined){
let data10 = data.status;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
for(const key2 in data10){
if(!((key2 === "version") || (key2 === "message"))){
const err14 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.status,data:data10};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data10.version !== undefined){
let data11 = data10.version;
if(typeof data11 !== "string"){
const err15 = {instancePath:instancePath+"/status/version",schemaPath:"#/properties/status/properties/version/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.version.type,parentSchema:schema11.properties.status.properties.version,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data10.message !== undefined){
let data12 = data10.message;
if(typeof data12 !== "string"){
const err16 = {instancePath:instancePath+"/status/message",schemaPath:"#/properties/status/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.status.properties.message.type,parentSchema:schema11.properties.status.properties.message,data:data12};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.status.type,parentSchema:schema11.properties.status,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

