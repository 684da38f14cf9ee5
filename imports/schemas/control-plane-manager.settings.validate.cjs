// Generated file, do not edit: the ajv validator of control-plane-manager.settings.json (ajv standalone code), written
// with the JSON schemas of this directory by the generator validators.ts names.
"use strict";
module.exports = validate10;
module.exports.default = validate10;
const schema11 = {"type":"object","properties":{"apiserver":{"type":"object","default":{},"properties":{"serviceAccount":{"type":"object","default":{},"properties":{"issuer":{"type":"string"},"additionalAPIAudiences":{"type":"array","items":{"type":"string"}},"additionalAPIIssuers":{"type":"array","items":{"type":"string"}}},"additionalProperties":false},"admissionPlugins":{"type":"array","items":{"type":"string","enum":["AlwaysPullImages","NamespaceAutoProvision","OwnerReferencesPermissionEnforcement","PodNodeSelector","PodTolerationRestriction"]}},"bindToWildcard":{"type":"boolean","default":false},"certSANs":{"type":"array","items":{"type":"string","pattern":"^[0-9a-zA-Z\\.-]+$"}},"authn":{"type":"object","default":{},"properties":{"oidcIssuerURL":{"type":"string"},"oidcIssuerAddress":{"type":"string"},"oidcCA":{"type":"string"},"webhookURL":{"type":"string"},"webhookCA":{"type":"string"},"webhookCacheTTL":{"type":"string","pattern":"^([0-9]+h)?([0-9]+m)?([0-9]+s)?$"}},"additionalProperties":false},"authz":{"type":"object","default":{},"properties":{"webhookURL":{"type":"string"},"webhookCA":{"type":"string"}},"additionalProperties":false},"publishAPI":{"type":"object","default":{},"properties":{"ingress":{"type":"object","default":{},"properties":{"enabled":{"type":"boolean","default":false},"ingressClass":{"type":"string","pattern":"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"},"whitelistSourceRanges":{"type":"array","items":{"type":"string","pattern":"^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(\\/(3[0-2]|[1-2][0-9]|[0-9]))?$"}},"addKubeconfigGeneratorEntry":{"type":"boolean","default":true},"https":{"type":"object","default":{},"properties":{"mode":{"type":"string","enum":["SelfSigned","Global"],"default":"SelfSigned"},"global":{"type":"object","default":{},"properties":{"kubeconfigGeneratorMasterCA":{"type":"string"}},"additionalProperties":false}},"additionalProperties":false}},"additionalProperties":false},"loadBalancer":{"type":"object","default":{},"properties":{"enabled":{"type":"boolean","default":false},"annotations":{"type":"object","additionalProperties":{"type":"string"}},"sourceRanges":{"type":"array","items":{"type":"string","pattern":"^[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\/[0-9]+$"}},"port":{"type":"integer","default":443,"minimum":1,"maximum":65534}},"additionalProperties":false}},"additionalProperties":false},"auditPolicyEnabled":{"type":"boolean","default":false},"basicAuditPolicyEnabled":{"type":"boolean","default":true},"auditLog":{"type":"object","default":{"output":"File"},"required":["output"],"properties":{"output":{"type":"string","default":"File","enum":["File","Stdout"]},"path":{"type":"string","pattern":"^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$","default":"/var/log/kube-audit"}},"additionalProperties":false},"encryptionEnabled":{"type":"boolean","default":false}},"additionalProperties":false},"encryptionAlgorithm":{"type":"string","default":"RSA-2048","enum":["RSA-2048","RSA-3072","RSA-4096","ECDSA-P256"]},"kubernetesVersion":{"type":"string","enum":["1.32","1.33","1.34","1.35","1.36","Default"]},"rootKubeconfigSymlink":{"type":"boolean","default":true},"etcd":{"type":"object","properties":{"backup":{"type":"object","default":{},"properties":{"enabled":{"type":"boolean","default":true},"cronSchedule":{"type":"string","default":"0 0 * * *"},"hostPath":{"type":"string","default":"/var/lib/etcd"}},"additionalProperties":false},"defrag":{"type":"object","default":{"cronSchedule":"0 1 * * *"},"properties":{"enabled":{"type":"boolean"},"cronSchedule":{"type":"string","default":"0 1 * * *","pattern":"^(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)$"}},"additionalProperties":false},"maxDbSize":{"type":"number","format":"int64","minimum":536870912,"maximum":8589934592}},"additionalProperties":false},"nodeMonitorGracePeriodSeconds":{"type":"integer","default":40},"failedNodePodEvictionTimeoutSeconds":{"type":"integer","default":300},"enabledFeatureGates":{"type":"array","items":{"type":"string","pattern":"^[a-zA-Z]+$"},"default":[]},"resourcesRequests":{"type":"object","default":{},"additionalProperties":false,"properties":{"cpu":{"oneOf":[{"type":"string","pattern":"^[0-9]+m?$"},{"type":"number"}]},"memory":{"type":"string","pattern":"^[0-9]+(\\.[0-9]+)?(E|P|T|G|M|K|Ei|Pi|Ti|Gi|Mi|Ki)?$"}}}},"additionalProperties":false};
const func2 = Object.prototype.hasOwnProperty;
const pattern0 = new RegExp("^[0-9a-zA-Z\\.-]+$", "");
const pattern1 = new RegExp("^([0-9]+h)?([0-9]+m)?([0-9]+s)?$", "");
const pattern2 = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", "");
const pattern3 = new RegExp("^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(\\/(3[0-2]|[1-2][0-9]|[0-9]))?$", "");
const pattern4 = new RegExp("^[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\/[0-9]+$", "");
const pattern5 = new RegExp("^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$", "");
const pattern6 = new RegExp("^(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)$", "");
const pattern7 = new RegExp("^[a-zA-Z]+$", "");
const pattern8 = new RegExp("^[0-9]+m?$", "");
const pattern9 = new RegExp("^[0-9]+(\\.[0-9]+)?(E|P|T|G|M|K|Ei|Pi|Ti|Gi|Mi|Ki)?$", "");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!(func2.call(schema11.properties, key0))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.apiserver !== undefined){
let data0 = data.apiserver;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!(func2.call(schema11.properties.apiserver.properties, key1))){
const err1 = {instancePath:instancePath+"/apiserver",schemaPath:"#/properties/apiserver/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data0.serviceAccount !== undefined){
let data1 = data0.serviceAccount;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
for(const key2 in data1){
if(!(((key2 === "issuer") || (key2 === "additionalAPIAudiences")) || (key2 === "additionalAPIIssuers"))){
const err2 = {instancePath:instancePath+"/apiserver/serviceAccount",schemaPath:"#/properties/apiserver/properties/serviceAccount/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.serviceAccount,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data1.issuer !== undefined){
let data2 = data1.issuer;
if(typeof data2 !== "string"){
const err3 = {instancePath:instancePath+"/apiserver/serviceAccount/issuer",schemaPath:"#/properties/apiserver/properties/serviceAccount/properties/issuer/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.serviceAccount.properties.issuer.type,parentSchema:schema11.properties.apiserver.properties.serviceAccount.properties.issuer,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data1.additionalAPIAudiences !== undefined){
let data3 = data1.additionalAPIAudiences;
if(Array.isArray(data3)){
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 !== "string"){
const err4 = {instancePath:instancePath+"/apiserver/serviceAccount/additionalAPIAudiences/" + i0,schemaPath:"#/properties/apiserver/properties/serviceAccount/properties/additionalAPIAudiences/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIAudiences.items.type,parentSchema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIAudiences.items,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/apiserver/serviceAccount/additionalAPIAudiences",schemaPath:"#/properties/apiserver/properties/serviceAccount/properties/additionalAPIAudiences/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIAudiences.type,parentSchema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIAudiences,data:data3};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.additionalAPIIssuers !== undefined){
let data5 = data1.additionalAPIIssuers;
if(Array.isArray(data5)){
const len1 = data5.length;
for(let i1=0; i1<len1; i1++){
let data6 = data5[i1];
if(typeof data6 !== "string"){
const err6 = {instancePath:instancePath+"/apiserver/serviceAccount/additionalAPIIssuers/" + i1,schemaPath:"#/properties/apiserver/properties/serviceAccount/properties/additionalAPIIssuers/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIIssuers.items.type,parentSchema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIIssuers.items,data:data6};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath:instancePath+"/apiserver/serviceAccount/additionalAPIIssuers",schemaPath:"#/properties/apiserver/properties/serviceAccount/properties/additionalAPIIssuers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIIssuers.type,parentSchema:schema11.properties.apiserver.properties.serviceAccount.properties.additionalAPIIssuers,data:data5};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath:instancePath+"/apiserver/serviceAccount",schemaPath:"#/properties/apiserver/properties/serviceAccount/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.serviceAccount.type,parentSchema:schema11.properties.apiserver.properties.serviceAccount,data:data1};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.admissionPlugins !== undefined){
let data7 = data0.admissionPlugins;
if(Array.isArray(data7)){
const len2 = data7.length;
for(let i2=0; i2<len2; i2++){
let data8 = data7[i2];
if(typeof data8 !== "string"){
const err9 = {instancePath:instancePath+"/apiserver/admissionPlugins/" + i2,schemaPath:"#/properties/apiserver/properties/admissionPlugins/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.admissionPlugins.items.type,parentSchema:schema11.properties.apiserver.properties.admissionPlugins.items,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(!(((((data8 === "AlwaysPullImages") || (data8 === "NamespaceAutoProvision")) || (data8 === "OwnerReferencesPermissionEnforcement")) || (data8 === "PodNodeSelector")) || (data8 === "PodTolerationRestriction"))){
const err10 = {instancePath:instancePath+"/apiserver/admissionPlugins/" + i2,schemaPath:"#/properties/apiserver/properties/admissionPlugins/items/enum",keyword:"enum",params:{allowedValues: schema11.properties.apiserver.properties.admissionPlugins.items.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.apiserver.properties.admissionPlugins.items.enum,parentSchema:schema11.properties.apiserver.properties.admissionPlugins.items,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath:instancePath+"/apiserver/admissionPlugins",schemaPath:"#/properties/apiserver/properties/admissionPlugins/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.apiserver.properties.admissionPlugins.type,parentSchema:schema11.properties.apiserver.properties.admissionPlugins,data:data7};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data0.bindToWildcard !== undefined){
let data9 = data0.bindToWildcard;
if(typeof data9 !== "boolean"){
const err12 = {instancePath:instancePath+"/apiserver/bindToWildcard",schemaPath:"#/properties/apiserver/properties/bindToWildcard/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.bindToWildcard.type,parentSchema:schema11.properties.apiserver.properties.bindToWildcard,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data0.certSANs !== undefined){
let data10 = data0.certSANs;
if(Array.isArray(data10)){
const len3 = data10.length;
for(let i3=0; i3<len3; i3++){
let data11 = data10[i3];
if(typeof data11 === "string"){
if(!pattern0.test(data11)){
const err13 = {instancePath:instancePath+"/apiserver/certSANs/" + i3,schemaPath:"#/properties/apiserver/properties/certSANs/items/pattern",keyword:"pattern",params:{pattern: "^[0-9a-zA-Z\\.-]+$"},message:"must match pattern \""+"^[0-9a-zA-Z\\.-]+$"+"\"",schema:"^[0-9a-zA-Z\\.-]+$",parentSchema:schema11.properties.apiserver.properties.certSANs.items,data:data11};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/apiserver/certSANs/" + i3,schemaPath:"#/properties/apiserver/properties/certSANs/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.certSANs.items.type,parentSchema:schema11.properties.apiserver.properties.certSANs.items,data:data11};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/apiserver/certSANs",schemaPath:"#/properties/apiserver/properties/certSANs/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.apiserver.properties.certSANs.type,parentSchema:schema11.properties.apiserver.properties.certSANs,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data0.authn !== undefined){
let data12 = data0.authn;
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
for(const key3 in data12){
if(!((((((key3 === "oidcIssuerURL") || (key3 === "oidcIssuerAddress")) || (key3 === "oidcCA")) || (key3 === "webhookURL")) || (key3 === "webhookCA")) || (key3 === "webhookCacheTTL"))){
const err16 = {instancePath:instancePath+"/apiserver/authn",schemaPath:"#/properties/apiserver/properties/authn/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.authn,data:data12};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data12.oidcIssuerURL !== undefined){
let data13 = data12.oidcIssuerURL;
if(typeof data13 !== "string"){
const err17 = {instancePath:instancePath+"/apiserver/authn/oidcIssuerURL",schemaPath:"#/properties/apiserver/properties/authn/properties/oidcIssuerURL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authn.properties.oidcIssuerURL.type,parentSchema:schema11.properties.apiserver.properties.authn.properties.oidcIssuerURL,data:data13};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data12.oidcIssuerAddress !== undefined){
let data14 = data12.oidcIssuerAddress;
if(typeof data14 !== "string"){
const err18 = {instancePath:instancePath+"/apiserver/authn/oidcIssuerAddress",schemaPath:"#/properties/apiserver/properties/authn/properties/oidcIssuerAddress/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authn.properties.oidcIssuerAddress.type,parentSchema:schema11.properties.apiserver.properties.authn.properties.oidcIssuerAddress,data:data14};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data12.oidcCA !== undefined){
let data15 = data12.oidcCA;
if(typeof data15 !== "string"){
const err19 = {instancePath:instancePath+"/apiserver/authn/oidcCA",schemaPath:"#/properties/apiserver/properties/authn/properties/oidcCA/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authn.properties.oidcCA.type,parentSchema:schema11.properties.apiserver.properties.authn.properties.oidcCA,data:data15};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data12.webhookURL !== undefined){
let data16 = data12.webhookURL;
if(typeof data16 !== "string"){
const err20 = {instancePath:instancePath+"/apiserver/authn/webhookURL",schemaPath:"#/properties/apiserver/properties/authn/properties/webhookURL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authn.properties.webhookURL.type,parentSchema:schema11.properties.apiserver.properties.authn.properties.webhookURL,data:data16};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data12.webhookCA !== undefined){
let data17 = data12.webhookCA;
if(typeof data17 !== "string"){
const err21 = {instancePath:instancePath+"/apiserver/authn/webhookCA",schemaPath:"#/properties/apiserver/properties/authn/properties/webhookCA/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authn.properties.webhookCA.type,parentSchema:schema11.properties.apiserver.properties.authn.properties.webhookCA,data:data17};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data12.webhookCacheTTL !== undefined){
let data18 = data12.webhookCacheTTL;
if(typeof data18 === "string"){
if(!pattern1.test(data18)){
const err22 = {instancePath:instancePath+"/apiserver/authn/webhookCacheTTL",schemaPath:"#/properties/apiserver/properties/authn/properties/webhookCacheTTL/pattern",keyword:"pattern",params:{pattern: "^([0-9]+h)?([0-9]+m)?([0-9]+s)?$"},message:"must match pattern \""+"^([0-9]+h)?([0-9]+m)?([0-9]+s)?$"+"\"",schema:"^([0-9]+h)?([0-9]+m)?([0-9]+s)?$",parentSchema:schema11.properties.apiserver.properties.authn.properties.webhookCacheTTL,data:data18};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
else {
const err23 = {instancePath:instancePath+"/apiserver/authn/webhookCacheTTL",schemaPath:"#/properties/apiserver/properties/authn/properties/webhookCacheTTL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authn.properties.webhookCacheTTL.type,parentSchema:schema11.properties.apiserver.properties.authn.properties.webhookCacheTTL,data:data18};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/apiserver/authn",schemaPath:"#/properties/apiserver/properties/authn/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.authn.type,parentSchema:schema11.properties.apiserver.properties.authn,data:data12};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data0.authz !== undefined){
let data19 = data0.authz;
if(data19 && typeof data19 == "object" && !Array.isArray(data19)){
for(const key4 in data19){
if(!((key4 === "webhookURL") || (key4 === "webhookCA"))){
const err25 = {instancePath:instancePath+"/apiserver/authz",schemaPath:"#/properties/apiserver/properties/authz/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.authz,data:data19};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data19.webhookURL !== undefined){
let data20 = data19.webhookURL;
if(typeof data20 !== "string"){
const err26 = {instancePath:instancePath+"/apiserver/authz/webhookURL",schemaPath:"#/properties/apiserver/properties/authz/properties/webhookURL/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authz.properties.webhookURL.type,parentSchema:schema11.properties.apiserver.properties.authz.properties.webhookURL,data:data20};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data19.webhookCA !== undefined){
let data21 = data19.webhookCA;
if(typeof data21 !== "string"){
const err27 = {instancePath:instancePath+"/apiserver/authz/webhookCA",schemaPath:"#/properties/apiserver/properties/authz/properties/webhookCA/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.authz.properties.webhookCA.type,parentSchema:schema11.properties.apiserver.properties.authz.properties.webhookCA,data:data21};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/apiserver/authz",schemaPath:"#/properties/apiserver/properties/authz/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.authz.type,parentSchema:schema11.properties.apiserver.properties.authz,data:data19};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data0.publishAPI !== undefined){
let data22 = data0.publishAPI;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key5 in data22){
if(!((key5 === "ingress") || (key5 === "loadBalancer"))){
const err29 = {instancePath:instancePath+"/apiserver/publishAPI",schemaPath:"#/properties/apiserver/properties/publishAPI/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.publishAPI,data:data22};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
if(data22.ingress !== undefined){
let data23 = data22.ingress;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key6 in data23){
if(!(((((key6 === "enabled") || (key6 === "ingressClass")) || (key6 === "whitelistSourceRanges")) || (key6 === "addKubeconfigGeneratorEntry")) || (key6 === "https"))){
const err30 = {instancePath:instancePath+"/apiserver/publishAPI/ingress",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key6},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress,data:data23};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data23.enabled !== undefined){
let data24 = data23.enabled;
if(typeof data24 !== "boolean"){
const err31 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/enabled",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.enabled.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.enabled,data:data24};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data23.ingressClass !== undefined){
let data25 = data23.ingressClass;
if(typeof data25 === "string"){
if(!pattern2.test(data25)){
const err32 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/ingressClass",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/ingressClass/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"},message:"must match pattern \""+"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"+"\"",schema:"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.ingressClass,data:data25};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
}
else {
const err33 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/ingressClass",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/ingressClass/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.ingressClass.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.ingressClass,data:data25};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data23.whitelistSourceRanges !== undefined){
let data26 = data23.whitelistSourceRanges;
if(Array.isArray(data26)){
const len4 = data26.length;
for(let i4=0; i4<len4; i4++){
let data27 = data26[i4];
if(typeof data27 === "string"){
if(!pattern3.test(data27)){
const err34 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/whitelistSourceRanges/" + i4,schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/whitelistSourceRanges/items/pattern",keyword:"pattern",params:{pattern: "^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(\\/(3[0-2]|[1-2][0-9]|[0-9]))?$"},message:"must match pattern \""+"^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(\\/(3[0-2]|[1-2][0-9]|[0-9]))?$"+"\"",schema:"^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(\\/(3[0-2]|[1-2][0-9]|[0-9]))?$",parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.whitelistSourceRanges.items,data:data27};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/whitelistSourceRanges/" + i4,schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/whitelistSourceRanges/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.whitelistSourceRanges.items.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.whitelistSourceRanges.items,data:data27};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
else {
const err36 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/whitelistSourceRanges",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/whitelistSourceRanges/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.whitelistSourceRanges.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.whitelistSourceRanges,data:data26};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data23.addKubeconfigGeneratorEntry !== undefined){
let data28 = data23.addKubeconfigGeneratorEntry;
if(typeof data28 !== "boolean"){
const err37 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/addKubeconfigGeneratorEntry",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/addKubeconfigGeneratorEntry/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.addKubeconfigGeneratorEntry.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.addKubeconfigGeneratorEntry,data:data28};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data23.https !== undefined){
let data29 = data23.https;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key7 in data29){
if(!((key7 === "mode") || (key7 === "global"))){
const err38 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key7},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https,data:data29};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data29.mode !== undefined){
let data30 = data29.mode;
if(typeof data30 !== "string"){
const err39 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https/mode",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/properties/mode/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.mode.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.mode,data:data30};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
if(!((data30 === "SelfSigned") || (data30 === "Global"))){
const err40 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https/mode",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/properties/mode/enum",keyword:"enum",params:{allowedValues: schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.mode.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.mode.enum,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.mode,data:data30};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data29.global !== undefined){
let data31 = data29.global;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key8 in data31){
if(!(key8 === "kubeconfigGeneratorMasterCA")){
const err41 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https/global",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/properties/global/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.global,data:data31};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data31.kubeconfigGeneratorMasterCA !== undefined){
let data32 = data31.kubeconfigGeneratorMasterCA;
if(typeof data32 !== "string"){
const err42 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https/global/kubeconfigGeneratorMasterCA",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/properties/global/properties/kubeconfigGeneratorMasterCA/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.global.properties.kubeconfigGeneratorMasterCA.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.global.properties.kubeconfigGeneratorMasterCA,data:data32};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
}
else {
const err43 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https/global",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/properties/global/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.global.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.properties.global,data:data31};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/apiserver/publishAPI/ingress/https",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/properties/https/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.properties.https,data:data29};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/apiserver/publishAPI/ingress",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/ingress/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.publishAPI.properties.ingress.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.ingress,data:data23};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data22.loadBalancer !== undefined){
let data33 = data22.loadBalancer;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
for(const key9 in data33){
if(!((((key9 === "enabled") || (key9 === "annotations")) || (key9 === "sourceRanges")) || (key9 === "port"))){
const err46 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer,data:data33};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data33.enabled !== undefined){
let data34 = data33.enabled;
if(typeof data34 !== "boolean"){
const err47 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/enabled",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.enabled.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.enabled,data:data34};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data33.annotations !== undefined){
let data35 = data33.annotations;
if(data35 && typeof data35 == "object" && !Array.isArray(data35)){
for(const key10 in data35){
let data36 = data35[key10];
if(typeof data36 !== "string"){
const err48 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/annotations/" + key10.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/annotations/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.annotations.additionalProperties.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.annotations.additionalProperties,data:data36};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/annotations",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/annotations/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.annotations.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.annotations,data:data35};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data33.sourceRanges !== undefined){
let data37 = data33.sourceRanges;
if(Array.isArray(data37)){
const len5 = data37.length;
for(let i5=0; i5<len5; i5++){
let data38 = data37[i5];
if(typeof data38 === "string"){
if(!pattern4.test(data38)){
const err50 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/sourceRanges/" + i5,schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/sourceRanges/items/pattern",keyword:"pattern",params:{pattern: "^[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\/[0-9]+$"},message:"must match pattern \""+"^[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\/[0-9]+$"+"\"",schema:"^[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\.[0-9]{1,}\\/[0-9]+$",parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.sourceRanges.items,data:data38};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
else {
const err51 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/sourceRanges/" + i5,schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/sourceRanges/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.sourceRanges.items.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.sourceRanges.items,data:data38};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
else {
const err52 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/sourceRanges",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/sourceRanges/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.sourceRanges.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.sourceRanges,data:data37};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
if(data33.port !== undefined){
let data39 = data33.port;
if(!((typeof data39 == "number") && (!(data39 % 1) && !isNaN(data39)))){
const err53 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/port",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/port/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.port.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.port,data:data39};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
if(typeof data39 == "number"){
if(data39 > 65534 || isNaN(data39)){
const err54 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/port",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65534},message:"must be <= 65534",schema:65534,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.port,data:data39};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
if(data39 < 1 || isNaN(data39)){
const err55 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer/port",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.properties.port,data:data39};
if(vErrors === null){
vErrors = [err55];
}
else {
vErrors.push(err55);
}
errors++;
}
}
}
}
else {
const err56 = {instancePath:instancePath+"/apiserver/publishAPI/loadBalancer",schemaPath:"#/properties/apiserver/properties/publishAPI/properties/loadBalancer/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer.type,parentSchema:schema11.properties.apiserver.properties.publishAPI.properties.loadBalancer,data:data33};
if(vErrors === null){
vErrors = [err56];
}
else {
vErrors.push(err56);
}
errors++;
}
}
}
else {
const err57 = {instancePath:instancePath+"/apiserver/publishAPI",schemaPath:"#/properties/apiserver/properties/publishAPI/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.publishAPI.type,parentSchema:schema11.properties.apiserver.properties.publishAPI,data:data22};
if(vErrors === null){
vErrors = [err57];
}
else {
vErrors.push(err57);
}
errors++;
}
}
if(data0.auditPolicyEnabled !== undefined){
let data40 = data0.auditPolicyEnabled;
if(typeof data40 !== "boolean"){
const err58 = {instancePath:instancePath+"/apiserver/auditPolicyEnabled",schemaPath:"#/properties/apiserver/properties/auditPolicyEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.auditPolicyEnabled.type,parentSchema:schema11.properties.apiserver.properties.auditPolicyEnabled,data:data40};
if(vErrors === null){
vErrors = [err58];
}
else {
vErrors.push(err58);
}
errors++;
}
}
if(data0.basicAuditPolicyEnabled !== undefined){
let data41 = data0.basicAuditPolicyEnabled;
if(typeof data41 !== "boolean"){
const err59 = {instancePath:instancePath+"/apiserver/basicAuditPolicyEnabled",schemaPath:"#/properties/apiserver/properties/basicAuditPolicyEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.basicAuditPolicyEnabled.type,parentSchema:schema11.properties.apiserver.properties.basicAuditPolicyEnabled,data:data41};
if(vErrors === null){
vErrors = [err59];
}
else {
vErrors.push(err59);
}
errors++;
}
}
if(data0.auditLog !== undefined){
let data42 = data0.auditLog;
if(data42 && typeof data42 == "object" && !Array.isArray(data42)){
if(data42.output === undefined){
const err60 = {instancePath:instancePath+"/apiserver/auditLog",schemaPath:"#/properties/apiserver/properties/auditLog/required",keyword:"required",params:{missingProperty: "output"},message:"must have required property '"+"output"+"'",schema:schema11.properties.apiserver.properties.auditLog.required,parentSchema:schema11.properties.apiserver.properties.auditLog,data:data42};
if(vErrors === null){
vErrors = [err60];
}
else {
vErrors.push(err60);
}
errors++;
}
for(const key11 in data42){
if(!((key11 === "output") || (key11 === "path"))){
const err61 = {instancePath:instancePath+"/apiserver/auditLog",schemaPath:"#/properties/apiserver/properties/auditLog/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key11},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.apiserver.properties.auditLog,data:data42};
if(vErrors === null){
vErrors = [err61];
}
else {
vErrors.push(err61);
}
errors++;
}
}
if(data42.output !== undefined){
let data43 = data42.output;
if(typeof data43 !== "string"){
const err62 = {instancePath:instancePath+"/apiserver/auditLog/output",schemaPath:"#/properties/apiserver/properties/auditLog/properties/output/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.auditLog.properties.output.type,parentSchema:schema11.properties.apiserver.properties.auditLog.properties.output,data:data43};
if(vErrors === null){
vErrors = [err62];
}
else {
vErrors.push(err62);
}
errors++;
}
if(!((data43 === "File") || (data43 === "Stdout"))){
const err63 = {instancePath:instancePath+"/apiserver/auditLog/output",schemaPath:"#/properties/apiserver/properties/auditLog/properties/output/enum",keyword:"enum",params:{allowedValues: schema11.properties.apiserver.properties.auditLog.properties.output.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.apiserver.properties.auditLog.properties.output.enum,parentSchema:schema11.properties.apiserver.properties.auditLog.properties.output,data:data43};
if(vErrors === null){
vErrors = [err63];
}
else {
vErrors.push(err63);
}
errors++;
}
}
if(data42.path !== undefined){
let data44 = data42.path;
if(typeof data44 === "string"){
if(!pattern5.test(data44)){
const err64 = {instancePath:instancePath+"/apiserver/auditLog/path",schemaPath:"#/properties/apiserver/properties/auditLog/properties/path/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$"},message:"must match pattern \""+"^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$"+"\"",schema:"^[a-zA-Z0-9_/.-]+[a-zA-Z0-9_.-]$",parentSchema:schema11.properties.apiserver.properties.auditLog.properties.path,data:data44};
if(vErrors === null){
vErrors = [err64];
}
else {
vErrors.push(err64);
}
errors++;
}
}
else {
const err65 = {instancePath:instancePath+"/apiserver/auditLog/path",schemaPath:"#/properties/apiserver/properties/auditLog/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.apiserver.properties.auditLog.properties.path.type,parentSchema:schema11.properties.apiserver.properties.auditLog.properties.path,data:data44};
if(vErrors === null){
vErrors = [err65];
}
else {
vErrors.push(err65);
}
errors++;
}
}
}
else {
const err66 = {instancePath:instancePath+"/apiserver/auditLog",schemaPath:"#/properties/apiserver/properties/auditLog/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.properties.auditLog.type,parentSchema:schema11.properties.apiserver.properties.auditLog,data:data42};
if(vErrors === null){
vErrors = [err66];
}
else {
vErrors.push(err66);
}
errors++;
}
}
if(data0.encryptionEnabled !== undefined){
let data45 = data0.encryptionEnabled;
if(typeof data45 !== "boolean"){
const err67 = {instancePath:instancePath+"/apiserver/encryptionEnabled",schemaPath:"#/properties/apiserver/properties/encryptionEnabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.apiserver.properties.encryptionEnabled.type,parentSchema:schema11.properties.apiserver.properties.encryptionEnabled,data:data45};
if(vErrors === null){
vErrors = [err67];
}
else {
vErrors.push(err67);
}
errors++;
}
}
}
else {
const err68 = {instancePath:instancePath+"/apiserver",schemaPath:"#/properties/apiserver/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.apiserver.type,parentSchema:schema11.properties.apiserver,data:data0};
if(vErrors === null){
vErrors = [err68];
}
else {
vErrors.push(err68);
}
errors++;
}
}
if(data.encryptionAlgorithm !== undefined){
let data46 = data.encryptionAlgorithm;
if(typeof data46 !== "string"){
const err69 = {instancePath:instancePath+"/encryptionAlgorithm",schemaPath:"#/properties/encryptionAlgorithm/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.encryptionAlgorithm.type,parentSchema:schema11.properties.encryptionAlgorithm,data:data46};
if(vErrors === null){
vErrors = [err69];
}
else {
vErrors.push(err69);
}
errors++;
}
if(!((((data46 === "RSA-2048") || (data46 === "RSA-3072")) || (data46 === "RSA-4096")) || (data46 === "ECDSA-P256"))){
const err70 = {instancePath:instancePath+"/encryptionAlgorithm",schemaPath:"#/properties/encryptionAlgorithm/enum",keyword:"enum",params:{allowedValues: schema11.properties.encryptionAlgorithm.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.encryptionAlgorithm.enum,parentSchema:schema11.properties.encryptionAlgorithm,data:data46};
if(vErrors === null){
vErrors = [err70];
}
else {
vErrors.push(err70);
}
errors++;
}
}
if(data.kubernetesVersion !== undefined){
let data47 = data.kubernetesVersion;
if(typeof data47 !== "string"){
const err71 = {instancePath:instancePath+"/kubernetesVersion",schemaPath:"#/properties/kubernetesVersion/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.kubernetesVersion.type,parentSchema:schema11.properties.kubernetesVersion,data:data47};
if(vErrors === null){
vErrors = [err71];
}
else {
vErrors.push(err71);
}
errors++;
}
if(!((((((data47 === "1.32") || (data47 === "1.33")) || (data47 === "1.34")) || (data47 === "1.35")) || (data47 === "1.36")) || (data47 === "Default"))){
const err72 = {instancePath:instancePath+"/kubernetesVersion",schemaPath:"#/properties/kubernetesVersion/enum",keyword:"enum",params:{allowedValues: schema11.properties.kubernetesVersion.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.kubernetesVersion.enum,parentSchema:schema11.properties.kubernetesVersion,data:data47};
if(vErrors === null){
vErrors = [err72];
}
else {
vErrors.push(err72);
}
errors++;
}
}
if(data.rootKubeconfigSymlink !== undefined){
let data48 = data.rootKubeconfigSymlink;
if(typeof data48 !== "boolean"){
const err73 = {instancePath:instancePath+"/rootKubeconfigSymlink",schemaPath:"#/properties/rootKubeconfigSymlink/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rootKubeconfigSymlink.type,parentSchema:schema11.properties.rootKubeconfigSymlink,data:data48};
if(vErrors === null){
vErrors = [err73];
}
else {
vErrors.push(err73);
}
errors++;
}
}
if(data.etcd !== undefined){
let data49 = data.etcd;
if(data49 && typeof data49 == "object" && !Array.isArray(data49)){
for(const key12 in data49){
if(!(((key12 === "backup") || (key12 === "defrag")) || (key12 === "maxDbSize"))){
const err74 = {instancePath:instancePath+"/etcd",schemaPath:"#/properties/etcd/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.etcd,data:data49};
if(vErrors === null){
vErrors = [err74];
}
else {
vErrors.push(err74);
}
errors++;
}
}
if(data49.backup !== undefined){
let data50 = data49.backup;
if(data50 && typeof data50 == "object" && !Array.isArray(data50)){
for(const key13 in data50){
if(!(((key13 === "enabled") || (key13 === "cronSchedule")) || (key13 === "hostPath"))){
const err75 = {instancePath:instancePath+"/etcd/backup",schemaPath:"#/properties/etcd/properties/backup/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.etcd.properties.backup,data:data50};
if(vErrors === null){
vErrors = [err75];
}
else {
vErrors.push(err75);
}
errors++;
}
}
if(data50.enabled !== undefined){
let data51 = data50.enabled;
if(typeof data51 !== "boolean"){
const err76 = {instancePath:instancePath+"/etcd/backup/enabled",schemaPath:"#/properties/etcd/properties/backup/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.etcd.properties.backup.properties.enabled.type,parentSchema:schema11.properties.etcd.properties.backup.properties.enabled,data:data51};
if(vErrors === null){
vErrors = [err76];
}
else {
vErrors.push(err76);
}
errors++;
}
}
if(data50.cronSchedule !== undefined){
let data52 = data50.cronSchedule;
if(typeof data52 !== "string"){
const err77 = {instancePath:instancePath+"/etcd/backup/cronSchedule",schemaPath:"#/properties/etcd/properties/backup/properties/cronSchedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.etcd.properties.backup.properties.cronSchedule.type,parentSchema:schema11.properties.etcd.properties.backup.properties.cronSchedule,data:data52};
if(vErrors === null){
vErrors = [err77];
}
else {
vErrors.push(err77);
}
errors++;
}
}
if(data50.hostPath !== undefined){
let data53 = data50.hostPath;
if(typeof data53 !== "string"){
const err78 = {instancePath:instancePath+"/etcd/backup/hostPath",schemaPath:"#/properties/etcd/properties/backup/properties/hostPath/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.etcd.properties.backup.properties.hostPath.type,parentSchema:schema11.properties.etcd.properties.backup.properties.hostPath,data:data53};
if(vErrors === null){
vErrors = [err78];
}
else {
vErrors.push(err78);
}
errors++;
}
}
}
else {
const err79 = {instancePath:instancePath+"/etcd/backup",schemaPath:"#/properties/etcd/properties/backup/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.etcd.properties.backup.type,parentSchema:schema11.properties.etcd.properties.backup,data:data50};
if(vErrors === null){
vErrors = [err79];
}
else {
vErrors.push(err79);
}
errors++;
}
}
if(data49.defrag !== undefined){
let data54 = data49.defrag;
if(data54 && typeof data54 == "object" && !Array.isArray(data54)){
for(const key14 in data54){
if(!((key14 === "enabled") || (key14 === "cronSchedule"))){
const err80 = {instancePath:instancePath+"/etcd/defrag",schemaPath:"#/properties/etcd/properties/defrag/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key14},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.etcd.properties.defrag,data:data54};
if(vErrors === null){
vErrors = [err80];
}
else {
vErrors.push(err80);
}
errors++;
}
}
if(data54.enabled !== undefined){
let data55 = data54.enabled;
if(typeof data55 !== "boolean"){
const err81 = {instancePath:instancePath+"/etcd/defrag/enabled",schemaPath:"#/properties/etcd/properties/defrag/properties/enabled/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.etcd.properties.defrag.properties.enabled.type,parentSchema:schema11.properties.etcd.properties.defrag.properties.enabled,data:data55};
if(vErrors === null){
vErrors = [err81];
}
else {
vErrors.push(err81);
}
errors++;
}
}
if(data54.cronSchedule !== undefined){
let data56 = data54.cronSchedule;
if(typeof data56 === "string"){
if(!pattern6.test(data56)){
const err82 = {instancePath:instancePath+"/etcd/defrag/cronSchedule",schemaPath:"#/properties/etcd/properties/defrag/properties/cronSchedule/pattern",keyword:"pattern",params:{pattern: "^(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)$"},message:"must match pattern \""+"^(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)$"+"\"",schema:"^(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)\\s+(\\*(\\/[0-9]+)?|[0-9]+(-[0-9]+)?(\\/[0-9]+)?(,[0-9]+(-[0-9]+)?(\\/[0-9]+)?)*)$",parentSchema:schema11.properties.etcd.properties.defrag.properties.cronSchedule,data:data56};
if(vErrors === null){
vErrors = [err82];
}
else {
vErrors.push(err82);
}
errors++;
}
}
else {
const err83 = {instancePath:instancePath+"/etcd/defrag/cronSchedule",schemaPath:"#/properties/etcd/properties/defrag/properties/cronSchedule/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.etcd.properties.defrag.properties.cronSchedule.type,parentSchema:schema11.properties.etcd.properties.defrag.properties.cronSchedule,data:data56};
if(vErrors === null){
vErrors = [err83];
}
else {
vErrors.push(err83);
}
errors++;
}
}
}
else {
const err84 = {instancePath:instancePath+"/etcd/defrag",schemaPath:"#/properties/etcd/properties/defrag/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.etcd.properties.defrag.type,parentSchema:schema11.properties.etcd.properties.defrag,data:data54};
if(vErrors === null){
vErrors = [err84];
}
else {
vErrors.push(err84);
}
errors++;
}
}
if(data49.maxDbSize !== undefined){
let data57 = data49.maxDbSize;
if(typeof data57 == "number"){
if(data57 > 8589934592 || isNaN(data57)){
const err85 = {instancePath:instancePath+"/etcd/maxDbSize",schemaPath:"#/properties/etcd/properties/maxDbSize/maximum",keyword:"maximum",params:{comparison: "<=", limit: 8589934592},message:"must be <= 8589934592",schema:8589934592,parentSchema:schema11.properties.etcd.properties.maxDbSize,data:data57};
if(vErrors === null){
vErrors = [err85];
}
else {
vErrors.push(err85);
}
errors++;
}
if(data57 < 536870912 || isNaN(data57)){
const err86 = {instancePath:instancePath+"/etcd/maxDbSize",schemaPath:"#/properties/etcd/properties/maxDbSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 536870912},message:"must be >= 536870912",schema:536870912,parentSchema:schema11.properties.etcd.properties.maxDbSize,data:data57};
if(vErrors === null){
vErrors = [err86];
}
else {
vErrors.push(err86);
}
errors++;
}
}
else {
const err87 = {instancePath:instancePath+"/etcd/maxDbSize",schemaPath:"#/properties/etcd/properties/maxDbSize/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.etcd.properties.maxDbSize.type,parentSchema:schema11.properties.etcd.properties.maxDbSize,data:data57};
if(vErrors === null){
vErrors = [err87];
}
else {
vErrors.push(err87);
}
errors++;
}
}
}
else {
const err88 = {instancePath:instancePath+"/etcd",schemaPath:"#/properties/etcd/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.etcd.type,parentSchema:schema11.properties.etcd,data:data49};
if(vErrors === null){
vErrors = [err88];
}
else {
vErrors.push(err88);
}
errors++;
}
}
if(data.nodeMonitorGracePeriodSeconds !== undefined){
let data58 = data.nodeMonitorGracePeriodSeconds;
if(!((typeof data58 == "number") && (!(data58 % 1) && !isNaN(data58)))){
const err89 = {instancePath:instancePath+"/nodeMonitorGracePeriodSeconds",schemaPath:"#/properties/nodeMonitorGracePeriodSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.nodeMonitorGracePeriodSeconds.type,parentSchema:schema11.properties.nodeMonitorGracePeriodSeconds,data:data58};
if(vErrors === null){
vErrors = [err89];
}
else {
vErrors.push(err89);
}
errors++;
}
}
if(data.failedNodePodEvictionTimeoutSeconds !== undefined){
let data59 = data.failedNodePodEvictionTimeoutSeconds;
if(!((typeof data59 == "number") && (!(data59 % 1) && !isNaN(data59)))){
const err90 = {instancePath:instancePath+"/failedNodePodEvictionTimeoutSeconds",schemaPath:"#/properties/failedNodePodEvictionTimeoutSeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.failedNodePodEvictionTimeoutSeconds.type,parentSchema:schema11.properties.failedNodePodEvictionTimeoutSeconds,data:data59};
if(vErrors === null){
vErrors = [err90];
}
else {
vErrors.push(err90);
}
errors++;
}
}
if(data.enabledFeatureGates !== undefined){
let data60 = data.enabledFeatureGates;
if(Array.isArray(data60)){
const len6 = data60.length;
for(let i6=0; i6<len6; i6++){
let data61 = data60[i6];
if(typeof data61 === "string"){
if(!pattern7.test(data61)){
const err91 = {instancePath:instancePath+"/enabledFeatureGates/" + i6,schemaPath:"#/properties/enabledFeatureGates/items/pattern",keyword:"pattern",params:{pattern: "^[a-zA-Z]+$"},message:"must match pattern \""+"^[a-zA-Z]+$"+"\"",schema:"^[a-zA-Z]+$",parentSchema:schema11.properties.enabledFeatureGates.items,data:data61};
if(vErrors === null){
vErrors = [err91];
}
else {
vErrors.push(err91);
}
errors++;
}
}
else {
const err92 = {instancePath:instancePath+"/enabledFeatureGates/" + i6,schemaPath:"#/properties/enabledFeatureGates/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.enabledFeatureGates.items.type,parentSchema:schema11.properties.enabledFeatureGates.items,data:data61};
if(vErrors === null){
vErrors = [err92];
}
else {
vErrors.push(err92);
}
errors++;
}
}
}
else {
const err93 = {instancePath:instancePath+"/enabledFeatureGates",schemaPath:"#/properties/enabledFeatureGates/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.enabledFeatureGates.type,parentSchema:schema11.properties.enabledFeatureGates,data:data60};
if(vErrors === null){
vErrors = [err93];
}
else {
vErrors.push(err93);
}
errors++;
}
}
if(data.resourcesRequests !== undefined){
let data62 = data.resourcesRequests;
if(data62 && typeof data62 == "object" && !Array.isArray(data62)){
for(const key15 in data62){
if(!((key15 === "cpu") || (key15 === "memory"))){
const err94 = {instancePath:instancePath+"/resourcesRequests",schemaPath:"#/properties/resourcesRequests/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key15},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.resourcesRequests,data:data62};
if(vErrors === null){
vErrors = [err94];
}
else {
vErrors.push(err94);
}
errors++;
}
}
if(data62.cpu !== undefined){
let data63 = data62.cpu;
const _errs144 = errors;
let valid30 = false;
let passing0 = null;
const _errs145 = errors;
if(typeof data63 === "string"){
if(!pattern8.test(data63)){
const err95 = {instancePath:instancePath+"/resourcesRequests/cpu",schemaPath:"#/properties/resourcesRequests/properties/cpu/oneOf/0/pattern",keyword:"pattern",params:{pattern: "^[0-9]+m?$"},message:"must match pattern \""+"^[0-9]+m?$"+"\"",schema:"^[0-9]+m?$",parentSchema:schema11.properties.resourcesRequests.properties.cpu.oneOf[0],data:data63};
if(vErrors === null){
vErrors = [err95];
}
else {
vErrors.push(err95);
}
errors++;
}
}
else {
const err96 = {instancePath:instancePath+"/resourcesRequests/cpu",schemaPath:"#/properties/resourcesRequests/properties/cpu/oneOf/0/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.resourcesRequests.properties.cpu.oneOf[0].type,parentSchema:schema11.properties.resourcesRequests.properties.cpu.oneOf[0],data:data63};
if(vErrors === null){
vErrors = [err96];
}
else {
vErrors.push(err96);
}
errors++;
}
var _valid0 = _errs145 === errors;
if(_valid0){
valid30 = true;
passing0 = 0;
}
const _errs147 = errors;
if(!(typeof data63 == "number")){
const err97 = {instancePath:instancePath+"/resourcesRequests/cpu",schemaPath:"#/properties/resourcesRequests/properties/cpu/oneOf/1/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema11.properties.resourcesRequests.properties.cpu.oneOf[1].type,parentSchema:schema11.properties.resourcesRequests.properties.cpu.oneOf[1],data:data63};
if(vErrors === null){
vErrors = [err97];
}
else {
vErrors.push(err97);
}
errors++;
}
var _valid0 = _errs147 === errors;
if(_valid0 && valid30){
valid30 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid30 = true;
passing0 = 1;
}
}
if(!valid30){
const err98 = {instancePath:instancePath+"/resourcesRequests/cpu",schemaPath:"#/properties/resourcesRequests/properties/cpu/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.resourcesRequests.properties.cpu.oneOf,parentSchema:schema11.properties.resourcesRequests.properties.cpu,data:data63};
if(vErrors === null){
vErrors = [err98];
}
else {
vErrors.push(err98);
}
errors++;
}
else {
errors = _errs144;
if(vErrors !== null){
if(_errs144){
vErrors.length = _errs144;
}
else {
vErrors = null;
}
}
}
}
if(data62.memory !== undefined){
let data64 = data62.memory;
if(typeof data64 === "string"){
if(!pattern9.test(data64)){
const err99 = {instancePath:instancePath+"/resourcesRequests/memory",schemaPath:"#/properties/resourcesRequests/properties/memory/pattern",keyword:"pattern",params:{pattern: "^[0-9]+(\\.[0-9]+)?(E|P|T|G|M|K|Ei|Pi|Ti|Gi|Mi|Ki)?$"},message:"must match pattern \""+"^[0-9]+(\\.[0-9]+)?(E|P|T|G|M|K|Ei|Pi|Ti|Gi|Mi|Ki)?$"+"\"",schema:"^[0-9]+(\\.[0-9]+)?(E|P|T|G|M|K|Ei|Pi|Ti|Gi|Mi|Ki)?$",parentSchema:schema11.properties.resourcesRequests.properties.memory,data:data64};
if(vErrors === null){
vErrors = [err99];
}
else {
vErrors.push(err99);
}
errors++;
}
}
else {
const err100 = {instancePath:instancePath+"/resourcesRequests/memory",schemaPath:"#/properties/resourcesRequests/properties/memory/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.resourcesRequests.properties.memory.type,parentSchema:schema11.properties.resourcesRequests.properties.memory,data:data64};
if(vErrors === null){
vErrors = [err100];
}
else {
vErrors.push(err100);
}
errors++;
}
}
}
else {
const err101 = {instancePath:instancePath+"/resourcesRequests",schemaPath:"#/properties/resourcesRequests/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.resourcesRequests.type,parentSchema:schema11.properties.resourcesRequests,data:data62};
if(vErrors === null){
vErrors = [err101];
}
else {
vErrors.push(err101);
}
errors++;
}
}
}
else {
const err102 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};
if(vErrors === null){
vErrors = [err102];
}
else {
vErrors.push(err102);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}

